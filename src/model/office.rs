//! The office directory: where a district's deployer writes each office's address, phone and
//! opening hours (`seeds/offices.json`, none shipped: the source gives none, and none is
//! invented). An office is named as the page names it: a subdistrict office (`接庄街道办事处`) or a
//! department as the source writes it (`发展软环境保障局`).

/// One office, as the deployer wrote it; each detail may be left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Office {
    pub name: String,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub hours: Option<String>,
}

/// The offices a "where to ask" names, in the directory's order: those whose name it contains.
pub fn named_in<'d>(directory: &'d [Office], ask: &str) -> Vec<&'d Office> {
    directory
        .iter()
        .filter(|o| !o.name.is_empty() && ask.contains(o.name.as_str()))
        .collect()
}

/// The directory as the build puts it into the page: one office a line, its name, address,
/// phone and hours separated by tabs, an empty field where the directory gives none.
/// (`scripts/dist/offices.mjs` reads `seeds/offices.json`, refusing a bad file by its field,
/// and writes this; the page needs no JSON reader for it.)
pub fn from_lines(text: &str) -> Vec<Office> {
    let given = |f: Option<&str>| {
        f.map(str::trim)
            .filter(|f| !f.is_empty())
            .map(str::to_owned)
    };
    text.lines()
        .filter_map(|line| {
            let mut f = line.split('\t');
            Some(Office {
                name: given(f.next())?,
                address: given(f.next()),
                phone: given(f.next()),
                hours: given(f.next()),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_lines_and_finds_the_offices_an_ask_names() {
        let list = from_lines(
            "\n接庄街道办事处\t接庄路1号\t\t周一至周五\n\t无名\n发展软环境保障局\t\t0537-0000000\n",
        );
        assert_eq!(list.len(), 2, "a line without a name is no office");
        assert_eq!(list[0].address.as_deref(), Some("接庄路1号"));
        assert_eq!(list[0].phone, None);
        assert_eq!(list[1].phone.as_deref(), Some("0537-0000000"));
        let named = named_in(&list, "先到接庄街道办事处咨询");
        assert_eq!(named.len(), 1);
        assert_eq!(named[0].name, "接庄街道办事处");
    }
}
