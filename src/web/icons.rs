//! One simple inline SVG icon per programme, so a card is recognisable at a glance without an
//! icon font or an image request.

use yew::{html, Html};

/// The icon of a programme heading (1–15); a plain dot for any other.
pub fn icon(programme: u8) -> Html {
    let d = match programme {
        1 => "M3 11l9-8 9 8M5 10v10h5v-6h4v6h5V10",
        2 => "M12 2l8 3v6c0 5-3.5 9-8 11-4.5-2-8-6-8-11V5z",
        3 => "M12 3a9 9 0 100 18 9 9 0 000-18zM3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18",
        4 => "M3 5h7a2 2 0 012 2v13a2 2 0 00-2-2H3zM21 5h-7a2 2 0 00-2 2v13a2 2 0 012-2h7z",
        5 => "M12 20s-8-5-8-11a4 4 0 018-1 4 4 0 018 1c0 6-8 11-8 11z",
        6 => "M9 3h6v6h6v6h-6v6H9v-6H3V9h6z",
        7 => "M3 6h18v12H3zM3 10h18M7 15h4",
        8 => "M12 3a9 9 0 019 9H3a9 9 0 019-9zM12 12v6a2 2 0 01-4 0",
        9 => "M5 7h14l-1 14H6zM9 7V4h6v3M10 11v6M14 11v6",
        10 => "M3 8h18v12H3zM9 8V5h6v3M3 13h18",
        11 => "M5 11l2-5h10l2 5v6H5zM5 11h14M8 17v2M16 17v2",
        12 => "M8.5 15.5l7-7M10 4a4 4 0 016 0l4 4a4 4 0 010 6l-6 6a4 4 0 01-6 0l-4-4a4 4 0 010-6z",
        13 => "M12 3a5 5 0 110 10 5 5 0 010-10zM12 13v8M9 18h6",
        14 => "M12 2c1 4 6 6 6 12a6 6 0 01-12 0c0-3 2-5 3-7 1 2 2 3 3 3 0-3-1-5 0-8z",
        15 => "M12 2l7 10h-4l4 6H5l4-6H5zM12 18v4",
        _ => "M12 9a3 3 0 100 6 3 3 0 000-6z",
    };
    html! {
        <svg class="icon" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
            <path d={d} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
    }
}
