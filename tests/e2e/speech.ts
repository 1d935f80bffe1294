import { chromium, type Browser, type Page, type TestInfo } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/// Mono 16-bit PCM, as espeak-ng writes it.
export type Pcm = { rate: number; samples: Int16Array };

const dir = mkdtempSync(join(tmpdir(), 'evident-speech-'));

/// Speaks `text` with espeak-ng at `wpm` words a minute.
export function speak(text: string, wpm: number): Pcm {
  const file = join(dir, `say-${wpm}-${text.length}.wav`);
  execFileSync('espeak-ng', ['-v', 'en-us', '-s', String(wpm), '-w', file, text]);
  return readWav(readFileSync(file));
}

function readWav(b: Buffer): Pcm {
  const rate = b.readUInt32LE(24);
  let at = 12;
  while (at + 8 <= b.length) {
    const id = b.toString('ascii', at, at + 4);
    const size = b.readUInt32LE(at + 4);
    if (id === 'data') {
      const end = Math.min(b.length, at + 8 + size);
      const bytes = b.subarray(at + 8, end);
      const samples = new Int16Array(bytes.length >> 1);
      for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(i * 2);
      return { rate, samples };
    }
    at += 8 + size;
  }
  throw new Error('no data chunk');
}

/// Speech without espeak's own silent edges (below 1% of full scale).
export function trim(p: Pcm): Pcm {
  const loud = (s: number) => Math.abs(s) > 327;
  let start = 0;
  let end = p.samples.length;
  while (start < end && !loud(p.samples[start])) start++;
  while (end > start && !loud(p.samples[end - 1])) end--;
  return { rate: p.rate, samples: p.samples.slice(start, end) };
}

export const seconds = (p: Pcm) => p.samples.length / p.rate;

/// Pieces of speech and silences (in seconds) joined into one WAV file;
/// returns its path. Chromium's fake microphone plays it from the start.
export function wav(pieces: (Pcm | number)[], rate = 22050): string {
  const parts = pieces.map((p) => (typeof p === 'number' ? new Int16Array(Math.round(p * rate)) : p.samples));
  const n = parts.reduce((sum, p) => sum + p.length, 0);
  const b = Buffer.alloc(44 + n * 2);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(36 + n * 2, 4);
  b.write('WAVEfmt ', 8, 'ascii');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20); // PCM
  b.writeUInt16LE(1, 22); // mono
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36, 'ascii');
  b.writeUInt32LE(n * 2, 40);
  let at = 44;
  for (const p of parts) {
    for (const s of p) {
      b.writeInt16LE(s, at);
      at += 2;
    }
  }
  const file = join(dir, `mic-${Date.now()}-${Math.random().toString(36).slice(2)}.wav`);
  writeFileSync(file, b);
  return file;
}

// Each fake microphone needs its own browser: the capture file is a launch flag.
const PLAIN = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export type Mic = { browser: Browser; page: Page; problems: string[] };

/// A browser whose microphone plays `file`; the permission granted unless
/// `grant` is false; `init` runs in every page before its scripts.
export async function withMic(testInfo: TestInfo, baseURL: string, file: string, grant = true, init?: string): Promise<Mic> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [...PLAIN, '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${file}`],
  });
  const { viewport, deviceScaleFactor, isMobile, hasTouch, userAgent } = testInfo.project.use;
  const context = await browser.newContext({
    baseURL,
    viewport,
    deviceScaleFactor,
    isMobile,
    hasTouch,
    userAgent,
    permissions: grant ? ['microphone'] : [],
  });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  return { browser, page, problems };
}
