//! One simple icon per programme, so a card is recognisable at a glance without an icon font or
//! an image request. The stylesheet draws them (`[data-icon]::before`, `style.css`): an inline
//! `<svg>` a card was two elements with nine attributes, 102 of the 1,051 elements for a
//! household of six, each built by its own calls from the Wasm to the DOM.

/// The value of a programme heading's `data-icon` (1–15); "0", a plain dot, for any other.
pub fn icon(programme: u8) -> &'static str {
    const NAMES: [&str; 16] = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15",
    ];
    NAMES.get(usize::from(programme)).copied().unwrap_or("0")
}
