//! Taking the result along: a link with the answers in its fragment and its QR code, the
//! results as text for a chat, and a printed page.

use super::i18n::{Key, Lang};
use super::platform;
use crate::profile::Profile;
use crate::qr;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub lang: Lang,
    pub profile: Profile,
    pub desk: bool,
    /// The results as plain text, for the clipboard.
    pub text: AttrValue,
}

/// What the copy button last did.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Done,
    Failed,
}

/// The share, copy and print actions, and the share panel they open.
#[component]
pub fn ShareTools(props: &ShareProps) -> Html {
    let open = use_state(|| false);
    let copied = use_state(|| Copied::Not);
    let ShareProps {
        lang,
        profile,
        desk,
        text,
    } = props;
    let (lang, desk) = (*lang, *desk);
    let t = |k: Key| lang.pick(k.pair());
    // The link that opens these answers on another device (never marked as desk mode).
    let fragment = crate::fragment::encode(profile);
    let link = format!("{}{fragment}", platform::base_url());
    {
        // While the panel is open, the address bar carries the answers, so the browser's own
        // share menu (WeChat's ··· among them) sends the same link. Never in desk mode.
        use_effect_with((*open, fragment, desk), |(open, fragment, desk)| {
            if *open && !*desk {
                platform::set_fragment(fragment);
            }
        });
    }
    let on_share = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let on_copy = {
        let (copied, text) = (copied.clone(), text.clone());
        Callback::from(move |_| {
            let copied = copied.clone();
            platform::copy(
                &text,
                Callback::from(move |ok| {
                    copied.set(if ok { Copied::Done } else { Copied::Failed })
                }),
            );
        })
    };
    let on_print = Callback::from(|_| platform::print());
    // Encoding a QR code is the page's heaviest work: only while the panel is open, and once
    // per link.
    let qr = use_memo((*open, link.clone()), |(open, link)| {
        open.then(|| qr::encode(link)).flatten()
    });
    html! {
        <div class="share">
            <div class="actions" role="group" aria-label={ t(Key::TakeAlong) }>
                <button type="button" id="share" class="secondary" aria-expanded={ open.to_string() } aria-controls="share-panel" onclick={on_share}>{ t(Key::Share) }</button>
                <button type="button" id="copy" class="secondary" onclick={on_copy}>{ t(Key::CopyText) }</button>
                <button type="button" id="print" class="secondary" onclick={on_print}>{ t(Key::Print) }</button>
            </div>
            <p class="copied" role="status" aria-live="polite">
                { match *copied { Copied::Not => "", Copied::Done => t(Key::Copied), Copied::Failed => t(Key::CopyFailed) } }
            </p>
            if *copied == Copied::Failed {
                <label class="field" for="copy-text">{ t(Key::CopyByHand) }
                    <textarea id="copy-text" readonly=true rows="6" value={text.clone()} />
                </label>
            }
            if *open {
                <div id="share-panel" class="share-panel">
                    <p class="warning">{ t(Key::LinkWarning) }</p>
                    <label for="share-link">{ t(Key::Link) }</label>
                    <input id="share-link" type="url" readonly=true value={link.clone()} />
                    { match (*qr).clone() {
                        Some(q) => html! {
                            <figure class="qr">
                                <svg viewBox={format!("0 0 {s} {s}", s = q.size)} width="240" height="240" role="img" aria-label={ t(Key::QrLabel) } shape-rendering="crispEdges">
                                    <rect width="100%" height="100%" fill="#fff" />
                                    <path d={q.d} fill="#000" />
                                </svg>
                                <figcaption>{ t(Key::QrCaption) }</figcaption>
                            </figure>
                        },
                        None => html! { <p>{ t(Key::QrTooLong) }</p> },
                    } }
                </div>
            }
        </div>
    }
}
