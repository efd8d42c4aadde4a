//! Taking the result along: a link with the answers in its fragment and its QR code, the
//! results as text for a chat, and a printed page.

use super::platform;
use crate::codec::qr;
use crate::model::profile::Profile;
use crate::words::Key;
use std::rc::Rc;
use yew::prelude::*;

/// What a copy button last did.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Text,
    Link,
    Failed,
}

/// The largest CSS pixels a QR module is drawn at.
const MAX_MODULE_PX: u32 = 8;

/// The share tools' own state, held by the page: a hook of the page (`use_share`) and a
/// function that draws them (`share_tools`), not a component of its own (that only added yew's
/// lifecycle code to the Wasm). What the panel and the copy buttons say is the resident's: a
/// new resident (`resident`) finds the panel closed and nothing said copied.
pub struct Share {
    resident: u32,
    /// Open for this resident (`Some(resident)`), else closed.
    open: UseStateHandle<Option<u32>>,
    /// What a copy button last did, for which resident.
    copied: UseStateHandle<(u32, Copied)>,
    panel: NodeRef,
    /// The panel's inner width in CSS px, measured once it is shown, to size the QR code.
    room: UseStateHandle<u32>,
    link: Option<String>,
    qr: Rc<Option<qr::QrPath>>,
    print_qr: NodeRef,
}

impl Share {
    fn is_open(&self) -> bool {
        *self.open == Some(self.resident)
    }

    fn copied(&self) -> Copied {
        match *self.copied {
            (r, c) if r == self.resident => c,
            _ => Copied::Not,
        }
    }
}

/// The share tools' state and effects, for the answers to share (`None` while an age is missing
/// or wrong): the link that opens these answers on another device (never marked as desk mode),
/// in the short form, defaults left out, read back by the same strict decoder.
#[hook]
pub fn use_share(profile: Option<&Profile>, desk: bool, resident: u32) -> Share {
    let open = use_state(|| None::<u32>);
    let copied = use_state(|| (0u32, Copied::Not));
    let panel = use_node_ref();
    let room = use_state(|| 0u32);
    let is_open = *open == Some(resident);
    let fragment = profile.map(crate::codec::fragment::encode);
    let link = fragment
        .as_ref()
        .map(|f| format!("{}{f}", platform::base_url()));
    // While the panel is open, the address bar carries the answers and follows every change, so
    // the browser's own share menu (WeChat's ··· among them) sends the same link; once it
    // closes, the answers leave the address. Never in desk mode.
    use_effect_with((is_open, fragment, desk), |(open, fragment, desk)| {
        if !*desk {
            match (open, fragment) {
                (true, Some(f)) => platform::set_fragment(f),
                _ => platform::set_fragment(""),
            }
        }
    });
    {
        let (panel, room) = (panel.clone(), room.clone());
        use_effect_with(is_open, move |open| {
            if *open {
                if let Some(el) = panel.cast::<web_sys::Element>() {
                    room.set(u32::try_from(el.client_width()).unwrap_or(0));
                    // On a phone the panel opens at the screen's foot: bring it into view.
                    platform::reveal(&el);
                }
            }
        });
    }
    // Encoding a QR code is the page's heaviest work: only while the panel shows it, once per
    // link, never on each answer typed.
    let qr = use_memo((link.clone(), is_open), |(link, open)| {
        link.as_ref().filter(|_| *open).and_then(|l| qr::encode(l))
    });
    // The printout carries the code too, as the way back to these answers: drawn when the page
    // is printed (`beforeprint`, which the Print button's print dialog fires as well), so that
    // an answer changed costs no encoding. (Encoded on every change, it also met a fault of WPE
    // WebKit 2.38's WebAssembly about one start in five.)
    let print_qr = use_node_ref();
    {
        let print_qr = print_qr.clone();
        use_effect_with(link.clone(), move |link| {
            let link = link.clone();
            let listener = platform::on_window("beforeprint", move || {
                draw_print_qr(&print_qr, link.as_deref());
            });
            move || drop(listener)
        });
    }
    Share {
        resident,
        open,
        copied,
        panel,
        room,
        link,
        qr,
        print_qr,
    }
}

/// The share, copy and print actions, and the share panel they open. `text`: the results as
/// plain text, for the clipboard; `back`: the id of the age box the "change the answers" button
/// goes to, beside these buttons (on a phone the answers are far above, and a link lands here).
pub fn share_tools(
    lang: crate::words::Lang,
    share: &Share,
    text: &super::summary::PlainText,
    back: Option<String>,
) -> Html {
    let t = |k: Key| lang.pick(k.pair());
    let open = share.is_open();
    let on_share = {
        let (handle, resident) = (share.open.clone(), share.resident);
        Callback::from(move |_| handle.set(if open { None } else { Some(resident) }))
    };
    let copy = |what: Copied, text: Option<Callback<(), String>>| {
        let (handle, resident) = (share.copied.clone(), share.resident);
        Callback::from(move |_| {
            let Some(text) = text.as_ref() else { return };
            let handle = handle.clone();
            platform::copy(
                &text.emit(()),
                Callback::from(move |ok| {
                    handle.set((resident, if ok { what } else { Copied::Failed }))
                }),
            );
        })
    };
    let on_copy = copy(Copied::Text, text.clone());
    let on_copy_link = copy(
        Copied::Link,
        share
            .link
            .clone()
            .map(|l| Callback::from(move |()| l.clone())),
    );
    let on_print = Callback::from(|_| platform::print());
    let ready = share.link.is_some();
    let copied = share.copied();
    // Each copy says so beside its own button: the link's inside the panel, under "copy the
    // link" (above the panel it could be off screen).
    let (status, failed) = match copied {
        Copied::Not | Copied::Link => ("", false),
        Copied::Text => (t(Key::Copied), false),
        Copied::Failed => (t(Key::CopyFailed), true),
    };
    let link_status = if copied == Copied::Link {
        t(Key::LinkCopied)
    } else {
        ""
    };
    html! {
        <div class="share" key="share">
            <div class="actions" role="group" aria-label={ t(Key::TakeAlong) }>
                <button type="button" id="share" class="secondary" aria-expanded={ open.to_string() } aria-controls="share-panel" onclick={on_share}>{ t(Key::Share) }</button>
                <button type="button" id="copy" class="secondary" disabled={!ready} onclick={on_copy}>{ t(Key::CopyText) }</button>
                <button type="button" id="print" class="secondary" disabled={!ready} onclick={on_print}>{ t(Key::Print) }</button>
                if let Some(target) = back {
                    <button type="button" class="secondary to-form" onclick={Callback::from(move |_| platform::focus(&target))}>{ t(Key::ChangeAnswers) }</button>
                }
            </div>
            // Literal classes in two branches of one element (a class computed by an expression
            // would bring yew's Classes set into the Wasm for this alone).
            if failed {
                <p class="copied failed" role="status" aria-live="polite">{ status }</p>
            } else {
                <p class="copied" role="status" aria-live="polite">{ status }</p>
            }
            if copied == Copied::Failed {
                <label class="field" for="copy-text">{ t(Key::CopyByHand) }
                    <textarea id="copy-text" readonly=true rows="6" value={text.as_ref().map(|t| t.emit(())).unwrap_or_default()} />
                </label>
            }
            if ready {
                <figure class="print-only print-qr" hidden=true ref={share.print_qr.clone()}>
                    <svg role="img" aria-label={ t(Key::QrLabel) } shape-rendering="crispEdges">
                        <path fill="#000" />
                    </svg>
                    <figcaption>{ t(Key::QrCaption) }</figcaption>
                </figure>
            }
            if open {
                <div id="share-panel" class="share-panel" ref={share.panel.clone()}>
                    if let Some(link) = share.link.clone() {
                        <p class="warning">{ t(Key::LinkWarning) }</p>
                        <label for="share-link">{ t(Key::Link) }</label>
                        <input id="share-link" type="url" readonly=true value={link} />
                        <button type="button" id="copy-link" class="secondary" onclick={on_copy_link}>{ t(Key::CopyLink) }</button>
                        <p class="copied" role="status" aria-live="polite">{ link_status }</p>
                        { match (*share.qr).clone() {
                            Some(q) => {
                                // Whole CSS pixels a module, as large as the panel allows, so a
                                // phone's camera reads it from a tablet.
                                let size = u32::try_from(q.size).unwrap_or(1).max(1);
                                let px = (share.room.saturating_sub(4) / size).clamp(1, MAX_MODULE_PX);
                                let side = (size * px).to_string();
                                html! {
                                    <figure class="qr" data-module-px={px.to_string()}>
                                        <svg viewBox={format!("0 0 {s} {s}", s = q.size)} width={side.clone()} height={side} role="img" aria-label={ t(Key::QrLabel) } shape-rendering="crispEdges">
                                            <rect width="100%" height="100%" fill="#fff" />
                                            <path d={q.d} fill="#000" />
                                        </svg>
                                        <figcaption>{ t(Key::QrCaption) }</figcaption>
                                    </figure>
                                }
                            }
                            None => html! { <p>{ t(Key::QrTooLong) }</p> },
                        } }
                    } else {
                        <p>{ t(Key::ShareWaiting) }</p>
                    }
                </div>
            }
        </div>
    }
}

/// Draws the link's QR code into the printout's figure, or hides the figure where the link is
/// too long for one. Written into the elements the page drew, which no later render changes.
fn draw_print_qr(figure: &NodeRef, link: Option<&str>) {
    let Some(figure) = figure.cast::<web_sys::Element>() else {
        return;
    };
    let code = link.and_then(qr::encode);
    let svg = figure.first_element_child();
    let path = svg.as_ref().and_then(web_sys::Element::first_element_child);
    match (code, svg, path) {
        (Some(q), Some(svg), Some(path)) => {
            let _ = svg.set_attribute("viewBox", &format!("0 0 {s} {s}", s = q.size));
            let _ = path.set_attribute("d", &q.d);
            let _ = figure.remove_attribute("hidden");
        }
        _ => {
            let _ = figure.set_attribute("hidden", "");
        }
    }
}
