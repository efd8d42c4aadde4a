//! Evaluation time for the 6-member household in Wasm, in headless Chromium. Run by the
//! benchmark command in release mode (`scripts/bench`); a plain test run only checks it runs.
#![cfg(target_arch = "wasm32")]

use minsheng::codec::evaluate_json;
use minsheng::engine::evaluate;
use minsheng::model::catalogue::Catalogue;
use std::hint::black_box;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const HOUSEHOLD: &str = include_str!("../../benches/household.json");

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Median and range of microseconds per call over 11 rounds of `n` calls.
fn measure(n: u32, mut f: impl FnMut()) -> (f64, f64, f64) {
    for _ in 0..n {
        f();
    }
    let mut per_call: Vec<f64> = (0..11)
        .map(|_| {
            let start = now();
            for _ in 0..n {
                f();
            }
            (now() - start) * 1000.0 / f64::from(n)
        })
        .collect();
    per_call.sort_by(f64::total_cmp);
    (per_call[5], per_call[0], per_call[10])
}

#[wasm_bindgen_test]
fn evaluate_a_six_member_household() {
    let catalogue = Catalogue::builtin().unwrap();
    let profile = minsheng::codec::profile::decode(HOUSEHOLD).unwrap();
    // The growth curve: the benchmark household's members repeated to 1, 6 and 20.
    for n in [1usize, 6, 20] {
        let bigger = minsheng::model::profile::Profile {
            members: profile.members.iter().cycle().take(n).cloned().collect(),
            ..profile.clone()
        };
        let (m, lo, hi) = measure(2000 / n as u32, || {
            black_box(evaluate(black_box(catalogue), black_box(&bigger)));
        });
        console_log!(
            "wasm evaluate ({n} members): median {m:.2} µs per household (range {lo:.2}–{hi:.2})"
        );
    }
    let (m, lo, hi) = measure(500, || {
        black_box(evaluate_json(black_box(catalogue), black_box(HOUSEHOLD)).ok());
    });
    console_log!("wasm evaluate_json (decode + evaluate + encode): median {m:.2} µs per household (range {lo:.2}–{hi:.2})");
}
