import { test, expect, open } from './fixtures';

// Private by construction: the served page declares a strict CSP, has no inline
// script or inline event handler, and a whole journey asks nothing of another origin.

test('the served index.html carries a strict Content-Security-Policy', async ({ request }) => {
  const response = await request.get('./');
  expect(response.ok()).toBe(true);
  const html = await response.text();
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
  expect(meta, 'a CSP <meta> in index.html').not.toBeNull();
  const directives = new Map(
    meta![1]
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values.sort().join(' ')] as const),
  );
  expect(directives.get('default-src')).toBe("'self'");
  expect(directives.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
  expect(directives.get('style-src')).toBe("'self'");
  expect(directives.get('connect-src')).toBe("'self'");
  expect(directives.get('object-src')).toBe("'none'");
  expect(directives.get('base-uri')).toBe("'self'");
  expect(directives.get('form-action')).toBe("'none'");
  expect(directives.get('worker-src')).toBe("'self'");
  expect(directives.get('manifest-src')).toBe("'self'");
  // The recording player plays the attempt's own audio from a blob: URL.
  expect(directives.get('media-src')).toBe("'self' blob:");
  for (const [name, values] of directives) {
    // Only this origin: no 'unsafe-inline', no 'unsafe-eval', no hosts, no wildcards.
    const allowed = ["'none'", "'self'", ...(name === 'script-src' ? ["'wasm-unsafe-eval'"] : []), ...(name === 'img-src' ? ['data:', 'blob:'] : []), ...(name === 'media-src' ? ['blob:'] : [])];
    expect(values.split(' ').filter((v) => !allowed.includes(v)), name).toEqual([]);
  }
  // Nothing inline for the policy to have to allow.
  expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/\sstyle\s*=/i);
});

test('the manifest makes Evident installable', async ({ page, request }) => {
  await open(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('manifest.webmanifest');
  const manifest = await (await request.get(href!)).json();
  expect(manifest).toMatchObject({ name: 'Evident', short_name: 'Evident', start_url: './', scope: './', display: 'standalone' });
  const sizes = manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`);
  expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  for (const icon of manifest.icons) {
    const png = await request.get(icon.src);
    expect(png.headers()['content-type']).toBe('image/png');
    const body = await png.body();
    const [w, h] = [body.readUInt32BE(16), body.readUInt32BE(20)];
    expect(`${w}x${h}`).toBe(icon.sizes);
  }
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', manifest.theme_color);
});

test('a whole journey makes only same-origin requests and violates no CSP directive', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });

  await open(page);
  await page.getByRole('link', { name: /^Incident triage/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Incident triage' })).toBeVisible();
  await page.getByRole('textbox').first().fill('Who is affected: every user booking since the 14:02 deploy.');
  await page.getByRole('button', { name: 'Start drill' }).click();
  await page.getByRole('button', { name: 'Finish drill' }).click();
  await expect(page).toHaveURL(/#\/attempt\//);
  await expect(page.getByRole('heading', { level: 1, name: /Incident triage/ })).toBeVisible();
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();

  expect(urls.length).toBeGreaterThan(3);
  const foreign = urls.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
  expect(foreign).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
});
