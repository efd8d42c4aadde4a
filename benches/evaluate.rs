//! Evaluation time for a 6-member household, natively: the engine alone, and the whole
//! JSON-in, JSON-out call the command line and the JavaScript API make.
//! `cargo bench --bench evaluate` (a plain harness: no extra crate in the build).

use minsheng::codec::evaluate_json;
use minsheng::engine::evaluate;
use minsheng::model::catalogue::Catalogue;
use std::hint::black_box;
use std::time::Instant;

const HOUSEHOLD: &str = include_str!("household.json");

/// Median and range of nanoseconds per call over `rounds` rounds of `n` calls.
fn measure(rounds: usize, n: u32, mut f: impl FnMut()) -> (f64, f64, f64) {
    for _ in 0..n {
        f();
    }
    let mut per_call: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..n {
                f();
            }
            start.elapsed().as_nanos() as f64 / f64::from(n)
        })
        .collect();
    per_call.sort_by(f64::total_cmp);
    (per_call[rounds / 2], per_call[0], per_call[rounds - 1])
}

fn main() {
    let catalogue = Catalogue::builtin().expect("the built-in catalogue");
    let profile = minsheng::codec::profile::decode(HOUSEHOLD).expect("the benchmark household");
    // The growth curve: the benchmark household's members repeated to 1, 6 and 20.
    for n in [1, 6, 20] {
        let bigger = minsheng::model::profile::Profile {
            members: profile.members.iter().cycle().take(n).cloned().collect(),
            ..profile.clone()
        };
        let (m, lo, hi) = measure(11, 20_000 / n as u32, || {
            black_box(evaluate(black_box(catalogue), black_box(&bigger)));
        });
        println!(
            "native evaluate ({n} members): median {:.2} µs per household (range {:.2}–{:.2})",
            m / 1e3,
            lo / 1e3,
            hi / 1e3
        );
    }
    let (m, lo, hi) = measure(11, 5_000, || {
        black_box(evaluate_json(black_box(catalogue), black_box(HOUSEHOLD)).ok());
    });
    println!("native evaluate_json (decode + evaluate + encode): median {:.2} µs per household (range {:.2}–{:.2})", m / 1e3, lo / 1e3, hi / 1e3);
}
