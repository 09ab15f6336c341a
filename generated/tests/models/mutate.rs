//! Reproducible random edits of JSON payloads: a small generator and the mutations the
//! fuzzing modules feed to the reader, the validator and (in the workspace's whole-chain
//! tests, which include this file) the command line.

/// splitmix64: reproducible inputs without a dependency.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

pub const TOKENS: &[&[u8]] = &[
    b"null",
    b"true",
    b"false",
    b"0",
    b"-1",
    b"1e400",
    b"18446744073709551616",
    b"\"\"",
    b"\"x\"",
    b"[]",
    b"{}",
    b"\"2022-13-40T99:99:99Z\"",
    b"\"\\ud800\"",
    b",",
    b":",
    b"[",
    b"]",
    b"{",
    b"}",
    b"\"",
    b"\\",
    b"\xff",
];

/// A few random edits of `seed`: cuts, inserted tokens, changed bytes, swapped values.
pub fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut v = seed.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(v.len() + 1);
        match rng.below(4) {
            0 => {
                let end = (at + rng.below(16)).min(v.len());
                v.drain(at..end);
            }
            1 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                v.splice(at..at, t.iter().copied());
            }
            2 if at < v.len() => v[at] = rng.next_u64() as u8,
            _ => {
                // Swap a value for a token: keeps the JSON well formed more often.
                if let Some(colon) = v[at..].iter().position(|&b| b == b':') {
                    let start = at + colon + 1;
                    let end = v[start..].iter().position(|&b| b == b',' || b == b'}').map_or(v.len(), |e| start + e);
                    let t = TOKENS[rng.below(11)];
                    v.splice(start..end, t.iter().copied());
                }
            }
        }
    }
    v
}
