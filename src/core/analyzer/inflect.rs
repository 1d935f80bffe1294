//! Word families: the inflections of an English verb or noun, so one phrase
//! entry (`~improve`) covers "improve", "improves", "improved", "improving"
//! and "improvement", and the base form of a verb for the clause layer.
//!
//! Why by hand: a Snowball stemmer (`rust-stemmers`) maps every token of the
//! text to a stem, which costs about 0.3 µs a word natively (0.45 ms on a
//! 1,500-word answer, half the analyzer's budget) and merges words the rules
//! must keep apart ("organ"/"organization"). Here the work happens once, when
//! the phrase lists compile: each `~word` expands to its forms, and the text
//! is matched as written. Over-generation ("visitted") is harmless: a form
//! that never occurs never matches.

/// Irregular verbs: base form, then its past and participle forms.
pub const IRREGULAR: &[(&str, &[&str])] = &[
    ("arise", &["arose", "arisen"]),
    ("be", &["was", "were", "been", "is", "are", "am"]),
    ("bear", &["bore", "borne"]),
    ("become", &["became"]),
    ("begin", &["began", "begun"]),
    ("bend", &["bent"]),
    ("bet", &["bet"]),
    ("bind", &["bound"]),
    ("bite", &["bit", "bitten"]),
    ("bleed", &["bled"]),
    ("blow", &["blew", "blown"]),
    ("break", &["broke", "broken"]),
    ("bring", &["brought"]),
    ("build", &["built"]),
    ("burn", &["burnt"]),
    ("buy", &["bought"]),
    ("catch", &["caught"]),
    ("choose", &["chose", "chosen"]),
    ("come", &["came"]),
    ("cost", &["cost"]),
    ("cut", &["cut"]),
    ("deal", &["dealt"]),
    ("dig", &["dug"]),
    ("do", &["did", "done", "does"]),
    ("draw", &["drew", "drawn"]),
    ("drive", &["drove", "driven"]),
    ("eat", &["ate", "eaten"]),
    ("fall", &["fell", "fallen"]),
    ("feed", &["fed"]),
    ("feel", &["felt"]),
    ("fight", &["fought"]),
    ("find", &["found"]),
    ("fly", &["flew", "flown"]),
    ("forget", &["forgot", "forgotten"]),
    ("freeze", &["froze", "frozen"]),
    ("get", &["got", "gotten"]),
    ("give", &["gave", "given"]),
    ("go", &["went", "gone", "goes"]),
    ("grow", &["grew", "grown"]),
    ("hang", &["hung"]),
    ("have", &["had", "has"]),
    ("hear", &["heard"]),
    ("hide", &["hid", "hidden"]),
    ("hit", &["hit"]),
    ("hold", &["held"]),
    ("hurt", &["hurt"]),
    ("keep", &["kept"]),
    ("know", &["knew", "known"]),
    ("lay", &["laid"]),
    ("lead", &["led"]),
    ("learn", &["learnt"]),
    ("leave", &["left"]),
    ("lend", &["lent"]),
    ("let", &["let"]),
    ("light", &["lit"]),
    ("lose", &["lost"]),
    ("make", &["made"]),
    ("mean", &["meant"]),
    ("meet", &["met"]),
    ("oversee", &["oversaw", "overseen"]),
    ("pay", &["paid"]),
    ("put", &["put"]),
    ("quit", &["quit"]),
    ("read", &["read"]),
    ("rebuild", &["rebuilt"]),
    ("redo", &["redid", "redone"]),
    ("rerun", &["reran"]),
    ("rewrite", &["rewrote", "rewritten"]),
    ("ride", &["rode", "ridden"]),
    ("ring", &["rang", "rung"]),
    ("rise", &["rose", "risen"]),
    ("run", &["ran"]),
    ("say", &["said"]),
    ("see", &["saw", "seen"]),
    ("seek", &["sought"]),
    ("sell", &["sold"]),
    ("send", &["sent"]),
    ("set", &["set"]),
    ("shake", &["shook", "shaken"]),
    ("shed", &["shed"]),
    ("shoot", &["shot"]),
    ("show", &["shown"]),
    ("shrink", &["shrank", "shrunk"]),
    ("shut", &["shut"]),
    ("sink", &["sank", "sunk"]),
    ("sit", &["sat"]),
    // "The root cause lay with the supplier".
    ("lie", &["lay", "lain"]),
    ("sleep", &["slept"]),
    ("slide", &["slid"]),
    ("speak", &["spoke", "spoken"]),
    ("speed", &["sped"]),
    ("spend", &["spent"]),
    ("spin", &["spun"]),
    ("split", &["split"]),
    ("spread", &["spread"]),
    ("stand", &["stood"]),
    ("steal", &["stole", "stolen"]),
    ("stick", &["stuck"]),
    ("strike", &["struck"]),
    ("swear", &["swore", "sworn"]),
    ("sweep", &["swept"]),
    ("take", &["took", "taken"]),
    ("teach", &["taught"]),
    ("tear", &["tore", "torn"]),
    ("tell", &["told"]),
    ("think", &["thought"]),
    ("throw", &["threw", "thrown"]),
    ("undergo", &["underwent", "undergone"]),
    ("understand", &["understood"]),
    ("undertake", &["undertook", "undertaken"]),
    ("upset", &["upset"]),
    ("wake", &["woke", "woken"]),
    ("wear", &["wore", "worn"]),
    ("win", &["won"]),
    ("wind", &["wound"]),
    ("withdraw", &["withdrew", "withdrawn"]),
    ("write", &["wrote", "written"]),
];

/// The irregular past or participle forms (and "goes", "does", "has").
pub fn irregular_base(form: &str) -> Option<&'static str> {
    IRREGULAR
        .iter()
        .find(|(_, forms)| forms.contains(&form))
        .map(|(base, _)| *base)
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Every form of the verb or noun `base` (base included): -s/-es, -ed, -ing,
/// -ment/-ion/-er nouns where they are regular, and irregular forms.
pub fn forms(base: &str) -> Vec<String> {
    let mut out = vec![base.to_string()];
    if let Some((_, irr)) = IRREGULAR.iter().find(|(b, _)| *b == base) {
        out.extend(irr.iter().map(|s| s.to_string()));
    }
    let b = base.as_bytes();
    let Some(&last) = b.last() else {
        return out;
    };
    let stem_e = base.strip_suffix('e');
    // Plural / third person.
    if base.ends_with('y') && b.len() > 1 && !is_vowel(b[b.len() - 2]) {
        let y = &base[..base.len() - 1];
        out.push(format!("{y}ies"));
        out.push(format!("{y}ied"));
    } else if matches!(last, b's' | b'x' | b'z') || base.ends_with("ch") || base.ends_with("sh") {
        out.push(format!("{base}es"));
    } else {
        out.push(format!("{base}s"));
    }
    // Past and -ing.
    match stem_e {
        Some(stem) => {
            out.push(format!("{base}d"));
            out.push(format!("{stem}ing"));
        }
        None => {
            if !(base.ends_with('y') && b.len() > 1 && !is_vowel(b[b.len() - 2])) {
                out.push(format!("{base}ed"));
            }
            out.push(format!("{base}ing"));
            // Doubled final consonant: "drop" → "dropped", "plan" → "planning".
            if b.len() >= 3
                && !is_vowel(last)
                && !matches!(last, b'w' | b'x' | b'y')
                && is_vowel(b[b.len() - 2])
                && !is_vowel(b[b.len() - 3])
            {
                let c = last as char;
                out.push(format!("{base}{c}ed"));
                out.push(format!("{base}{c}ing"));
            }
        }
    }
    // The -ment and -ion nouns of the family ("improvement", "reduction").
    if let Some(stem) = stem_e {
        out.push(format!("{base}ment"));
        out.push(format!("{base}ments"));
        if stem.ends_with("at") || stem.ends_with("ut") {
            out.push(format!("{stem}ion"));
            out.push(format!("{stem}ions"));
        }
    } else {
        out.push(format!("{base}ment"));
        out.push(format!("{base}ments"));
    }
    out.sort();
    out.dedup();
    out
}

/// The base form of a word that is not in the verb table, best effort:
/// "-ied"/"-ies" → "-y", then "-ed", "-ing", "-es", "-s" stripped. The clause
/// layer looks known verbs up first (`words::verb_base`); this fallback only
/// has to be consistent, not right.
pub fn strip_suffixes(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ied").or_else(|| w.strip_suffix("ies")) {
        return format!("{stem}y");
    }
    if w.len() > 4 {
        if let Some(stem) = w.strip_suffix("ed") {
            return stem.to_string();
        }
    }
    if w.len() > 5 {
        if let Some(stem) = w.strip_suffix("ing") {
            return stem.to_string();
        }
    }
    if w.len() > 3 && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        if let Some(stem) = w.strip_suffix('s') {
            return stem.to_string();
        }
    }
    w.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_cover_their_inflections() {
        let improve = forms("improve");
        for f in [
            "improve",
            "improves",
            "improved",
            "improving",
            "improvement",
        ] {
            assert!(improve.contains(&f.to_string()), "{f} in {improve:?}");
        }
        let drop = forms("drop");
        for f in ["drops", "dropped", "dropping"] {
            assert!(drop.contains(&f.to_string()), "{f}");
        }
        let build = forms("build");
        assert!(build.contains(&"built".to_string()));
        let apply = forms("apply");
        assert!(apply.contains(&"applied".to_string()) && apply.contains(&"applies".to_string()));
        assert!(forms("fix").contains(&"fixes".to_string()));
        assert!(forms("migrate").contains(&"migration".to_string()));
    }
}
