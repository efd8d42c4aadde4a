//! The catalogue against the source table it was made from.

use crate::model::catalogue::Catalogue;
use crate::model::fault::Fault;

impl Catalogue {
    /// Checks each item against the source table it was made from: the text is a verbatim
    /// passage (whitespace aside) under its number, and the cells after it are its deadline,
    /// lead and partner departments — empty where it shares an earlier item's merged cells.
    pub fn check_source(&self, source: &str) -> Result<(), Fault> {
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        for line in source.lines() {
            let line = line.trim_start();
            let digits: String = line.chars().take_while(char::is_ascii_digit).collect();
            let numbered = line[digits.len()..].starts_with('、');
            if let (true, Ok(n)) = (numbered, digits.parse::<u8>()) {
                if self.item(n).is_none() {
                    return Err(Fault {
                        item: Some(n),
                        field: "items".into(),
                        problem: format!("the source lists item {n} but the catalogue does not"),
                    });
                }
            }
        }
        let source = squeeze(source);
        for (i, item) in self.items.iter().enumerate() {
            let at = |field: &str, problem: String| Fault {
                item: Some(item.item),
                field: format!("items[{i}].{field}"),
                problem,
            };
            let start = format!("{}、{}", item.item, squeeze(&item.text));
            let Some(pos) = source.find(&start) else {
                return Err(at(
                    "text",
                    format!(
                        "is not a verbatim passage of the source under `{}、`",
                        item.item
                    ),
                ));
            };
            let rest = &source[pos + start.len()..];
            let Some(rest) = rest.strip_prefix(item.deadline.as_str()) else {
                let found: String = rest.chars().take(4).collect();
                return Err(at(
                    "deadline",
                    format!("is `{}` but the source gives `{found}…`", item.deadline),
                ));
            };
            if let Some(shared) = item.shares_cells_with {
                let Some(owner) = self.item(shared) else {
                    return Err(at(
                        "shares_cells_with",
                        format!("names item {shared}, which is not listed"),
                    ));
                };
                if owner.lead != item.lead || owner.partners != item.partners {
                    return Err(at(
                        "lead",
                        format!("must equal item {shared}'s, whose merged cells it shares"),
                    ));
                }
                continue;
            }
            let lead = item.lead.join("、");
            let Some(rest) = rest.strip_prefix(lead.as_str()) else {
                return Err(at(
                    "lead",
                    "does not match the source's 主办单位 cell".into(),
                ));
            };
            let partners = item.partners.join("、");
            let next_starts = |r: &str| {
                r.is_empty()
                    || r.starts_with(|c: char| {
                        c.is_ascii_digit() || "一二三四五六七八九十".contains(c)
                    })
            };
            match rest.strip_prefix(partners.as_str()) {
                Some(r) if next_starts(r) => {}
                _ => {
                    return Err(at(
                        "partners",
                        "does not match the source's 协办单位 cell".into(),
                    ))
                }
            }
        }
        Ok(())
    }
}
