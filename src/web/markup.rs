//! Markup for what the page shows to be read, not worked: the results' lines, details and
//! lists. It is written as one HTML string and put into the page in one step, where `html!`
//! would build, diff and attach each element on its own: a six-member household's results are
//! about a thousand elements. In the Wasm this writer is a few small functions where each
//! `html!` element costs its own constructor code, and in the browser the page's parser builds
//! the nodes at once instead of a call across to JavaScript per element and attribute.
//!
//! Every text and attribute value goes through [`escape`]: nothing written here can become
//! markup, whatever a catalogue or a profile holds. Tags, attribute names and icons are the
//! page's own constants. Nothing written here can listen to events: what a person works (forms,
//! buttons) stays in `html!`.

use yew::{AttrValue, Html};

#[derive(Default)]
pub struct Markup(String);

impl Markup {
    /// `<tag name="value"…>`, each value escaped.
    pub fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            escape(&mut self.0, value);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        escape(&mut self.0, text);
        self
    }

    /// `<tag class="class">text</tag>`; no class attribute when `class` is empty.
    pub fn el(&mut self, tag: &str, class: &str, text: &str) -> &mut Self {
        if class.is_empty() {
            self.open(tag, &[]);
        } else {
            self.open(tag, &[("class", class)]);
        }
        self.text(text).close(tag)
    }

    /// Markup the page itself wrote: a constant, never anything read.
    pub fn trusted(&mut self, markup: &'static str) -> &mut Self {
        self.0.push_str(markup);
        self
    }

    /// What has been written, as it stands: for tests.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The markup as a node of the page.
    pub fn into_html(self) -> Html {
        Html::from_html_unchecked(AttrValue::from(self.0))
    }
}

/// Appends `text` with `&`, `<`, `>` and `"` written as entities, so that as text or as a
/// quoted attribute value it is read back as the same characters.
pub fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}
