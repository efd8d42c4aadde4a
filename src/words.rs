//! Every word the page shows, in Chinese and English.
//!
//! Each string is a `(zh, en)` pair inside an exhaustive `match`, so a new key or answer
//! without both translations does not compile.

use crate::engine::{
    Answer, CashSum, Certainty, Change, Entry, Gain, NearMiss, NotApplicable, Reason,
};
use crate::model::age::{Waiting, Wrong};
use crate::model::catalogue::{
    Catalogue, CheckWhy, Condition, Money, MoneyKind, Payer, Period, Place, Ratio, Text,
};
use crate::model::choice::{
    Area, Disability, HouseholdKind, HousingFlag, Insurance, MemberFlag, Residency, Sex, Work,
};
use crate::model::office::Office;
use crate::model::profile::Member;
use rust_decimal::Decimal;

/// The page's language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Picks this language's half of a pair.
    pub fn pick(self, (zh, en): (&'static str, &'static str)) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// Picks this language's half of a catalogue text.
    pub fn text(self, text: &Text) -> &str {
        match self {
            Lang::Zh => &text.zh,
            Lang::En => &text.en,
        }
    }

    /// The `lang` attribute value.
    pub fn code(self) -> &'static str {
        self.pick(("zh-CN", "en"))
    }
}

/// English text split where Chinese names in it (departments, subdistrict offices) begin and
/// end: `(true, "洸河街道办事处")` for a Chinese run, `(false, …)` for the rest. The page marks
/// the Chinese runs `lang="zh-CN"`, and reading aloud gives them a Chinese voice.
pub fn chinese_runs(text: &str) -> Vec<(bool, &str)> {
    let chinese = |c: char| matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}');
    let mut runs = Vec::new();
    let mut rest = text;
    while let Some(first) = rest.chars().next() {
        let zh = chinese(first);
        let end = rest.find(|c| chinese(c) != zh).unwrap_or(rest.len());
        runs.push((zh, &rest[..end]));
        rest = &rest[end..];
    }
    runs
}

/// The page's fixed strings: each key with its `(zh, en)` pair, listed once, so the pairs
/// are a table in the order of the keys rather than code that returns them (a match of
/// 94 arms compiled to 2.7 KB of stores).
macro_rules! keys {
    ($($key:ident => $pair:expr,)+) => {
        /// The page's fixed strings.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Key {
            $($key),+
        }

        /// Each key's pair, in the order of `Key`'s variants.
        static PAIRS: &[(&str, &str)] = &[$($pair),+];
    };
}

keys! {
    AppTitle => ("民生实事查询", "What you can get"),
    ListOf => ("{d}{y}", "{d} {y}"),
    // {d} and {y}: the list's district and year (`of_list`).
    PageTitle => ("民生实事查询 · {d}{y}", "Livelihood measures check · {d} {y}"),
    Intro => ("回答几个问题，看看{d}{y}年的民生实事能帮您什么。只在手机上计算，不上传任何信息。", "See what {d}'s {y} measures give your family. Worked out on your phone; nothing is sent."),
    SwitchLang => ("English", "中文"),
    LargeText => ("大字模式", "Large text"),
    ReadAloud => ("朗读结果", "Listen"),
    StopReading => ("停止朗读", "Stop"),
    NoVoice => ("这台设备没有可用的朗读语音。", "This device has no voice to read aloud with."),
    Household => ("家庭情况", "Your household"),
    Residency => ("户籍或居住", "Registered or living here"),
    Street => ("所在街道", "Street (街道)"),
    Area => ("城镇还是农村", "Town or village"),
    Kind => ("家庭类型", "Household type"),
    Community => ("所在小区", "Housing estate"),
    NotSure => ("不清楚 / 其他", "Not sure / other"),
    Choose => ("请选择", "Choose"),
    HomeFacts => ("住房情况（符合的请勾选）", "Your home (tick any that apply)"),
    Age => ("年龄", "Age"),
    AgeHint => ("填周岁，例如 78", "Whole years, e.g. 78"),
    YearsOld => ("周岁", "years"),
    TabKeeps => ("不勾选时，回答只保存在这个页面里，刷新后还在，关闭页面就清除。", "Unticked, your answers stay only in this page: they survive a reload and are gone when you close it."),
    Sex => ("性别", "Sex"),
    Insurance => ("医疗保险", "Medical insurance"),
    Disability => ("残疾情况", "Disability"),
    Work => ("就业情况", "Work"),
    MemberFacts => ("其他情况（符合的请勾选）", "Other circumstances (tick any that apply)"),
    AddMember => ("添加家庭成员", "Add a family member"),
    RemoveMember => ("删除此成员", "Remove this person"),
    Results => ("查询结果", "Results"),
    CashTotal => ("全家每月可领现金", "Cash for the household each month"),
    PerMonth => ("每月", "a month"),
    NoCash => ("{d}{y}年民生实事清单的{n}项里，没有按月发给您的现金。", "The {y} list pays you no cash each month."),
    OnlyThisList => ("（低保金、养老金等其他待遇不在这份清单里。）", "(The 低保 allowance and pensions are not on this list.)"),
    ForHousehold => ("全家共享的项目", "For the household"),
    ForEveryone => ("惠及全区居民的项目", "For everyone in the district"),
    NothingApplies => ("按您的回答，暂无专门适用的项目。", "From your answers, no measure applies to this person in particular."),
    NotCovered => ("这份清单只面向在本区居住或有户籍的居民。按您的回答，没有适用的项目。", "This list is only for people who live in or are registered in the district. From your answers, nothing applies."),
    Eligible => ("可以享受", "You qualify"),
    Likely => ("可能符合", "Likely"),
    LikelyMeans => ("可能符合：需咨询确认", "Likely: ask to confirm"),
    EachOf => ("{}：每人都适用", "For each of {}"),
    // A group that is the whole household: its names would be everyone's, said by the count.
    EachOfAll => ("全家{}人都适用", "For all {} people"),
    EachOfBoth => ("全家{}人都适用", "For both people"),
    // Under a member's own name, the lines above shared with others, by title.
    AlsoAbove => ("也适用上面列出的：", "Also theirs, listed above: "),
    AlsoAboveCount => ("还有上面列出的{}项", "Also {} listed above"),
    // In that sentence, the group of the whole household by its count (its heading is above).
    AllCount => ("全家{m}人都适用的{n}项", "the {n} for all {m} people"),
    AllCountBoth => ("全家{m}人都适用的{n}项", "the {n} for both people"),
    Why => ("为什么", "Why"),
    WhereToAsk => ("去哪里问", "Where to ask"),
    Partners => ("协办部门", "Also involved"),
    FillIn => ("去填写", "Go to the question"),
    // In English the office names stay Chinese, as the source gives them: said once, here.
    Details => ("点开每项看原因和原文", "Tap a line for why and the source."),
    WhyNot => ("其他{}项为什么不适用", "Why not the other {}"),
    OutgrownNote => ("另有{}项只给其他年龄或性别的人，未列出。", "{} more are for people of another age or sex, not listed."),
    HouseholdWhyNot => ("全家其他{}项为什么不适用", "Why not the other {}"),
    OldCommunityImplied => ("您选的小区在第2项老旧小区改造之列，算作老旧小区。", "The estate you chose is one of item 2's old estates being renovated, so it counts as an old estate."),
    Deadline => ("项目计划完成时间", "Project due to be finished"),
    Source => ("原文", "Original text (Chinese)"),
    AmountNotStated => ("文件没有写明金额，请向负责部门咨询", "The list states no amount: ask the department"),
    Free => ("免费", "Free"),
    PremiumPaid => ("保险费由政府交", "Paid for you"),
    NearMisses => ("值得留意", "Worth knowing"),
    Disclaimer => ("本工具依据{d}{y}年“民生实事”项目清单整理，仅供参考；能否享受、具体金额，以负责部门的审核为准。", "This tool follows {d}'s {y} list of livelihood measures and is for guidance only; the responsible department decides who qualifies and how much."),
    BadLink => ("这个链接里的回答无法读取（链接可能不完整），已为您显示空白问卷。", "The answers in this link could not be read (the link may be cut short), so the form is shown empty."),
    BadSaved => ("本机保存的回答已损坏，无法读取，已删除。", "The answers kept on this device were damaged and could not be read; they have been removed."),
    NewerSaved => ("本机保存的回答来自更新版本的页面，这个版本无法读取。回答仍保留在本机，没有删除。", "The answers kept on this device come from a newer version of this page, which this version cannot read. They are still kept, not deleted."),
    OtherSaved => ("现在显示的是链接里的回答。本机还保存着另一份回答。", "These are the answers from the link. Other answers are kept on this device."),
    UseSaved => ("改用本机保存的回答", "Use the answers kept on this device"),
    KeepLink => ("保留链接里的回答", "Keep the link's answers"),
    LeaveDesk => ("退出服务台模式", "Leave service desk mode"),
    LeaveDeskWarning => ("退出后，这台设备会在页面里保存回答，不再自动清空。只有工作人员才应退出。", "Once out of desk mode, this device keeps answers in the page and no longer clears itself. Only staff should leave it."),
    LeaveDeskConfirm => ("确定退出", "Leave desk mode"),
    Cancel => ("取消", "Cancel"),
    IntroDesk => ("回答几个问题，看看{d}{y}年的民生实事能帮您什么。只在这台设备上计算，不上传、不保存任何信息。", "See what {d}'s {y} measures give you. Worked out on this device; nothing is sent or kept."),
    TechnicalDetail => ("技术信息（供工作人员参考）", "Technical detail (for staff)"),
    Dismiss => ("知道了", "OK"),
    Language => ("语言、字号和朗读", "Language, text size and reading aloud"),
    FormHeading => ("请回答以下问题", "Your answers"),
    TakeAlong => ("保存或分享结果", "Keep or share the result"),
    Share => ("分享链接和二维码", "Share"),
    CopyText => ("复制文字", "Copy text"),
    Print => ("打印", "Print"),
    Copied => ("已复制，可以粘贴到微信聊天中。", "Copied: paste it into a chat."),
    CopyFailed => ("无法自动复制。", "Could not copy automatically."),
    CopyByHand => ("请长按下面的文字，选择“复制”：", "Press and hold the text below and choose Copy:"),
    LinkWarning => ("注意：这个链接里包含您填写的回答，只发给您信任的人。", "Note: this link carries your answers. Send it only to people you trust."),
    Link => ("链接", "Link"),
    CopyLink => ("复制链接", "Copy the link"),
    LinkCopied => ("链接已复制。", "Link copied."),
    QrLabel => ("打开本结果的二维码", "QR code that opens this result"),
    QrCaption => ("用手机扫一扫，把结果带回家。", "Scan with a phone to take the result home."),
    QrTooLong => ("家庭成员较多，链接太长，无法生成二维码；请复制链接。", "The link is too long for a QR code; copy the link instead."),
    ShareWaiting => ("填好年龄后才能分享结果。", "Fill in every age first, then share the result."),
    NextResident => ("下一位", "Next resident"),
    DeskMode => ("服务台模式：不保存任何信息", "Service desk mode: nothing is stored"),
    KeepGoing => ("继续使用", "Keep going"),
    NextWarning => ("这位居民的全部回答都会清除，无法找回。", "All of this resident's answers will be cleared, for good."),
    NextConfirm => ("清除，接待下一位", "Clear for the next resident"),
    Restarted => ("页面已重新启动，您的回答都还在。", "The page restarted; your answers are kept."),
    IdleCleared => ("页面在3分钟无人操作后已自动清空，以保护上一位居民的信息。", "The page cleared itself after 3 minutes without use, to protect the last resident's answers."),
    Remember => ("在本机记住我的回答（公共设备请勿勾选）", "Remember my answers on this device (not on a shared device)"),
    Forget => ("清除本机保存的回答", "Forget my answers on this device"),
    PrintedOn => ("打印日期", "Printed on"),
    Answered => ("按以下回答计算：", "Worked out from these answers:"),
    ChangeAnswers => ("↑ 修改回答", "↑ Change the answers"),
    SkipToResults => ("跳到查询结果", "Skip to the results"),
}

impl Key {
    /// The key's `(zh, en)` pair.
    pub fn pair(self) -> (&'static str, &'static str) {
        PAIRS[self as usize]
    }
}

/// A text that names the list (`{d}` its district, `{y}` its year, `{n}` how many items, in the
/// words above), said for `catalogue`: next year's list is a new file, not new words.
pub fn of_list(lang: Lang, key: Key, catalogue: &Catalogue) -> String {
    fill(
        lang.pick(key.pair()),
        &[
            ("{d}", lang.text(&catalogue.district)),
            ("{y}", &catalogue.year.to_string()),
            ("{n}", &catalogue.items.len().to_string()),
        ],
    )
}

/// `template` with each of `values`' keys (`{d}`, `" · "`) put in by its value, in one pass,
/// the first key that matches at a place winning; what matches no key stays. (One small loop
/// where `str::replace` brought its searcher into the Wasm.)
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    'next: loop {
        for (key, value) in values {
            if let Some(after) = rest.strip_prefix(key) {
                out.push_str(value);
                rest = after;
                continue 'next;
            }
        }
        let mut chars = rest.chars();
        match chars.next() {
            Some(c) => out.push(c),
            None => return out,
        }
        rest = chars.as_str();
    }
}

/// A closed set of answers with words for each value.
pub trait Label: Copy + 'static {
    /// The value's `(zh, en)` pair.
    fn pair(self) -> (&'static str, &'static str);
}

impl Label for Residency {
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            Residency::Hukou => ("户籍在本区", "Registered here (hukou)"),
            Residency::Resident => (
                // What tells it from the first comes first: a closed drop-down on a phone in
                // large text shows about 10 characters.
                "户籍在外地，住在本区",
                "Living here, registered elsewhere",
            ),
            Residency::None => (
                "既不在本区居住也无户籍",
                "Neither living nor registered here",
            ),
        }
    }
}

impl Label for Area {
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            Area::Urban => ("城镇", "Town"),
            Area::Rural => ("农村", "Village"),
        }
    }
}

impl Label for HouseholdKind {
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            HouseholdKind::Ordinary => ("普通家庭", "Ordinary household"),
            HouseholdKind::LowIncome => {
                ("低保边缘家庭", "Just above the allowance line (低保边缘)")
            }
            HouseholdKind::MinimumLiving => ("低保家庭", "Minimum living allowance (低保)"),
            HouseholdKind::ExtremePovertyDispersed => {
                ("分散供养特困", "Home-cared extreme poverty (分散特困)")
            }
            HouseholdKind::ExtremePovertyCentralized => (
                "集中供养特困",
                "Institution-cared extreme poverty (集中特困)",
            ),
            HouseholdKind::PovertyMonitored => (
                "脱贫户 / 监测户",
                "Lifted out of poverty / monitored (脱贫/监测户)",
            ),
        }
    }
}

impl Label for HousingFlag {
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            HousingFlag::OldCommunity => ("住在老旧小区", "We live in an old housing estate"),
            HousingFlag::PipedGas => ("家里用管道天然气", "We have piped natural gas"),
            HousingFlag::Lift => ("住的楼有电梯", "Our building has a lift"),
            HousingFlag::Car => ("家里有汽车", "We have a car"),
        }
    }
}

impl Label for Sex {
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            Sex::Female => ("女", "Female"),
            Sex::Male => ("男", "Male"),
        }
    }
}

impl Label for Insurance {
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            Insurance::Resident => ("居民医保", "Resident scheme (居民医保)"),
            Insurance::ResidentExempt => {
                ("居民医保（免缴费）", "Fee waived: resident scheme (免缴费)")
            }
            Insurance::Employee => ("职工医保", "Employee scheme (职工医保)"),
            Insurance::None => ("没有医保", "None"),
            Insurance::Unsure => ("不清楚", "Not sure"),
        }
    }
}

impl Label for Disability {
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            Disability::None => ("无残疾", "No disability"),
            Disability::Physical => ("肢体残疾", "Physical disability"),
            Disability::Intellectual => ("智力残疾", "Intellectual disability"),
            Disability::Mental => ("精神残疾", "Mental disability"),
            Disability::Visual => ("视力残疾", "Visual disability"),
            Disability::Hearing => ("听力残疾", "Hearing disability"),
            Disability::Speech => ("言语残疾", "Speech disability"),
            Disability::Multiple => ("多重残疾", "Multiple disability"),
        }
    }
}

impl Label for Work {
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            Work::None => ("无（不属于下列情况）", "None of the following"),
            Work::Construction => ("在建筑业工作", "Works in construction"),
            Work::Agriculture => ("从事农业生产经营", "Works in farming"),
            Work::RuralSurplusLabour => (
                "农村富余劳动力（想找工作）",
                "Rural worker looking for work",
            ),
            Work::LongTermUnemployed => (
                "城镇长期失业人员（想找工作）",
                "Long out of work, looking for work (town)",
            ),
        }
    }
}

impl Label for MemberFlag {
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            MemberFlag::SevereDisability => ("重度残疾", "Severe disability"),
            MemberFlag::SelfCareLost => ("失能（生活不能自理）", "Cannot look after themselves"),
            MemberFlag::ChildInDifficulty => ("孤儿或困境儿童", "Orphan or child in difficulty"),
            MemberFlag::CerebralPalsy => ("脑瘫", "Cerebral palsy"),
        }
    }
}

/// The title a measure's line says: its own where an item has several (each stands alone, so a
/// line is short: `灾害救助保险（人身）`, `Disaster insurance: injury`), else the item's.
pub fn measure_title(lang: Lang, catalogue: &Catalogue, item: u8, measure: &str) -> String {
    let Some(it) = catalogue.item(item) else {
        return item.to_string();
    };
    match it
        .measures
        .iter()
        .find(|m| m.id == measure)
        .and_then(|m| m.title.as_ref())
    {
        Some(title) => lang.text(title).to_owned(),
        None => lang.text(&it.title).to_owned(),
    }
}

/// The item's title where a measure's line says only its own (`政府灾害救助保险`), for the
/// details: the long form, one tap away.
pub fn item_title_beside<'c>(
    lang: Lang,
    catalogue: &'c Catalogue,
    item: u8,
    measure: &str,
) -> Option<&'c str> {
    let it = catalogue.item(item)?;
    it.measures
        .iter()
        .find(|m| m.id == measure)?
        .title
        .as_ref()
        .map(|_| lang.text(&it.title))
}

/// When a project was to be finished (the source's 完成期限), with the list's year:
/// `2022年年底`, `by the end of 2022`, `by September 2022`.
pub fn deadline(lang: Lang, year: u16, deadline: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match lang {
        Lang::Zh => format!("{year}年{deadline}"),
        Lang::En if deadline == "年底" => format!("by the end of {year}"),
        Lang::En => match deadline
            .strip_suffix('月')
            .and_then(|m| m.parse::<usize>().ok())
            .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
        {
            Some(month) => format!("by {month} {year}"),
            None => format!("{deadline} ({year})"),
        },
    }
}

/// The one note on time, near the total: which year's list this is, how long ago, and that
/// it may have changed.
pub fn dated(lang: Lang, year: u16, now_year: u16) -> String {
    let ago = now_year.checked_sub(year).filter(|n| *n > 0);
    match (lang, ago) {
        (Lang::Zh, Some(n)) => {
            format!("这是{year}年的清单（{n}年前）。项目和金额可能已有变化，请向负责部门确认。")
        }
        (Lang::Zh, None) => {
            format!("这是{year}年的清单。项目和金额可能已有变化，请向负责部门确认。")
        }
        (Lang::En, Some(1)) => {
            format!("A {year} list, a year old: ask the department what holds now.")
        }
        (Lang::En, Some(n)) => {
            format!("A {year} list, {n} years old: ask the department what holds now.")
        }
        (Lang::En, None) => format!("This list is from {year}: ask the department what holds now."),
    }
}

/// Whether the cash total is followed by "this page covers only this list: 低保金, pensions…":
/// where there is no cash from the list, and where the household receives an allowance of its
/// own (低保, 特困) that a resident could take to be in the total.
pub fn only_this_list(month: Decimal, kind: HouseholdKind) -> bool {
    month.is_zero()
        || matches!(
            kind,
            HouseholdKind::MinimumLiving
                | HouseholdKind::ExtremePovertyDispersed
                | HouseholdKind::ExtremePovertyCentralized
        )
}

/// What the sticky bar at the foot of the form says: the result in one line, or what to
/// answer first.
pub fn jump(lang: Lang, found: Result<(usize, Decimal), Waiting>, people: usize) -> String {
    match (lang, found) {
        (Lang::Zh, Ok((count, m))) if m.is_zero() => format!("共{count}项，查看结果↓"),
        (Lang::Zh, Ok((count, m))) => format!("共{count}项，每月{}，查看结果↓", yuan(m)),
        // Short enough for one line on a phone in large text: the bar must not cover the form.
        (Lang::En, Ok((count, m))) if m.is_zero() => format!("{count} items · see them ↓"),
        (Lang::En, Ok((count, m))) => format!("{count} items · {} a month ↓", yuan(m)),
        (_, Err(w)) => format!("{} ↑", waiting(lang, w, people)),
    }
}

/// What to answer before any result can be shown.
pub fn waiting(lang: Lang, w: Waiting, people: usize) -> String {
    let n = w.index + 1;
    match (lang, w.wrong, people > 1) {
        (Lang::Zh, None, false) => "请先填写年龄，就能看到结果。".to_owned(),
        (Lang::Zh, None, true) => format!("请填写家庭成员{n}的年龄。"),
        (Lang::Zh, Some(wrong), false) => format!("年龄需要改正：{}", age_error(wrong).0),
        (Lang::Zh, Some(wrong), true) => {
            format!("家庭成员{n}的年龄需要改正：{}", age_error(wrong).0)
        }
        (Lang::En, None, false) => "Enter the age to see the results.".to_owned(),
        (Lang::En, None, true) => format!("Enter person {n}'s age."),
        (Lang::En, Some(wrong), false) => {
            format!("The age needs correcting. {}", age_error(wrong).1)
        }
        (Lang::En, Some(wrong), true) => {
            format!("Person {n}'s age needs correcting. {}", age_error(wrong).1)
        }
    }
}

/// What to do about a typed age that is not one.
pub fn age_error(w: Wrong) -> (&'static str, &'static str) {
    match w {
        Wrong::NotNumber => (
            "请用数字填写周岁，例如 78。",
            "Enter whole years in figures, for example 78.",
        ),
        Wrong::TooOld => (
            "年龄要在0到130之间，请检查是否多按了一个数字。",
            "An age is from 0 to 130: check for a key pressed twice.",
        ),
        Wrong::Space => (
            "年龄中间多了空格，请去掉空格，例如 78。",
            "Remove the space, for example 78.",
        ),
        Wrong::BirthYear => (
            "这像是出生年份。请填写周岁，例如 78。",
            "That looks like a year of birth. Enter the age in years, for example 78.",
        ),
    }
}

/// A member in a few words a family tells apart: `78岁女性`, `8岁男孩` / `Woman, 78`; with the sex
/// not yet chosen (`open`), the age alone: `35岁` / `Aged 35`: nobody is called 女性 on a guess.
fn describe(lang: Lang, m: &Member, open: bool) -> String {
    let noun = lang.pick(match (open, m.sex, m.age < 18) {
        (true, ..) => ("", ""),
        (_, Sex::Female, false) => ("女性", "Woman"),
        (_, Sex::Male, false) => ("男性", "Man"),
        (_, Sex::Female, true) => ("女孩", "Girl"),
        (_, Sex::Male, true) => ("男孩", "Boy"),
    });
    match (lang, m.age, open) {
        (Lang::Zh, 0, _) => format!("不满1岁{}{noun}", if open { "" } else { "的" }),
        (Lang::Zh, age, _) => format!("{age}岁{noun}"),
        (Lang::En, 0, true) => "Under 1".to_owned(),
        (Lang::En, age, true) => format!("Aged {age}"),
        (Lang::En, 0, false) => format!("{noun}, under 1"),
        (Lang::En, age, false) => format!("{noun}, {age}"),
    }
}

/// The name of the `index`-th member in the results: `78岁女性`, with the form's number added
/// where two members would read the same. `open[i]`: the i-th member's sex is not yet chosen.
pub fn member_name(lang: Lang, index: usize, members: &[Member], open: &[bool]) -> String {
    let Some(m) = members.get(index) else {
        return String::new();
    };
    let is_open = |i: usize| open.get(i).copied().unwrap_or(false);
    let name = describe(lang, m, is_open(index));
    let twin = members.iter().enumerate().any(|(j, o)| {
        j != index && o.age == m.age && (is_open(j) || is_open(index) || o.sex == m.sex)
    });
    match (lang, twin) {
        (_, false) => name,
        (Lang::Zh, true) => format!("{name}（家庭成员{}）", index + 1),
        (Lang::En, true) => format!("{name} (person {})", index + 1),
    }
}

/// Several members by name, for a measure said once for them all.
pub fn member_names(lang: Lang, which: &[usize], members: &[Member], open: &[bool]) -> String {
    which
        .iter()
        .map(|&i| member_name(lang, i, members, open))
        .collect::<Vec<_>>()
        .join(lang.pick(("、", "; ")))
}

/// The heading of lines several members share: their names, or, where they are the whole
/// household, how many they are.
pub fn each_of(lang: Lang, which: &[usize], members: &[Member], open: &[bool]) -> String {
    if which.len() == members.len() {
        // Two are "both" in English ("for all 2 people" reads as a machine's).
        let all = if which.len() == 2 {
            Key::EachOfBoth
        } else {
            Key::EachOfAll
        };
        return fill(lang.pick(all.pair()), &[("{}", &which.len().to_string())]);
    }
    fill(
        lang.pick(Key::EachOf.pair()),
        &[("{}", &member_names(lang, which, members, open))],
    )
}

/// What a line says first where it holds only for one sex and the person's sex is not yet
/// chosen: `如是女性：` / `If female: `.
pub fn if_sex(lang: Lang, sex: Sex) -> &'static str {
    match (lang, sex) {
        (Lang::Zh, Sex::Female) => "如是女性：",
        (Lang::Zh, Sex::Male) => "如是男性：",
        (Lang::En, Sex::Female) => "If female: ",
        (Lang::En, Sex::Male) => "If male: ",
    }
}

/// What a line says before its title: `如是女性：` where its measure is for one sex and the sex of
/// one of `members` (`open[i]`) is not yet chosen; else nothing.
pub fn sex_prefix(lang: Lang, e: &Entry<'_>, members: &[usize], open: &[bool]) -> &'static str {
    match sex_required(e) {
        Some(sex) if members.iter().any(|&i| open.get(i) == Some(&true)) => if_sex(lang, sex),
        _ => "",
    }
}

/// The directory's offices that any of these entries names as where to ask, each once.
pub fn offices_named<'d, 'e, 'a: 'e>(
    entries: impl IntoIterator<Item = &'e Entry<'a>>,
    street: Option<&Text>,
    directory: &'d [Office],
) -> Vec<&'d Office> {
    let mut out: Vec<&Office> = Vec::new();
    for e in entries {
        let ask = ask_short(Lang::Zh, e.lead, e.partners, street);
        for office in crate::model::office::named_in(directory, &ask) {
            if !out.contains(&office) {
                out.push(office);
            }
        }
    }
    out
}

/// The sex an entry's measure requires, if it requires one.
pub fn sex_required(e: &Entry<'_>) -> Option<Sex> {
    e.reasons.iter().find_map(|r| match r.answer {
        Answer::Sex(s) => Some(s),
        _ => None,
    })
}

/// A member's fieldset legend in the form: `家庭成员1`, and once the age is known,
/// `家庭成员1：78岁女性`.
pub fn member_legend(lang: Lang, index: usize, member: Option<&Member>, open: bool) -> String {
    let n = index + 1;
    match (lang, member) {
        (Lang::Zh, None) => format!("家庭成员{n}"),
        (Lang::Zh, Some(m)) => format!("家庭成员{n}：{}", describe(lang, m, open)),
        (Lang::En, None) => format!("Person {n}"),
        (Lang::En, Some(m)) => format!("Person {n}: {}", describe(lang, m, open)),
    }
}

/// Whether the source names the resident's subdistrict office among a measure's departments:
/// `各街道` (each street), or their own street by name.
fn streets_help(lead: &[String], partners: &[String], street: Option<&Text>) -> bool {
    lead.iter()
        .chain(partners)
        .any(|d| (d.starts_with('各') && d.contains("街道")) || street.is_some_and(|s| *d == s.zh))
}

/// Where a resident asks about a measure: the subdistrict office first where the source names the
/// streets among the departments (`各街道`, or the resident's own street), then the lead
/// department. Only the source's departments: no address or phone number is invented.
pub fn where_to_ask(
    lang: Lang,
    lead: &[String],
    partners: &[String],
    street: Option<&Text>,
) -> String {
    let streets_help = streets_help(lead, partners, street);
    // One department or several, said as many.
    let in_charge = if lead.len() > 1 {
        "departments in charge are"
    } else {
        "department in charge is"
    };
    let lead = lead.join("、");
    match (lang, streets_help, street) {
        (Lang::Zh, true, Some(s)) => format!("先到{}办事处咨询；负责部门：{lead}", s.zh),
        (Lang::Zh, true, None) => format!(
            "先到您所在的街道办事处咨询（在问题里选择街道，这里会写出名称）；负责部门：{lead}"
        ),
        (Lang::Zh, false, _) => format!("负责部门：{lead}"),
        (Lang::En, help, street) => {
            let first = match (help, street) {
                (true, Some(s)) => format!("Ask first at the {} subdistrict office ({}办事处); the", s.en, s.zh),
                (true, None) => "Ask first at your subdistrict office (街道办事处; choose your street above to see its name); the".to_owned(),
                (false, _) => "The".to_owned(),
            };
            format!("{first} {in_charge} {lead}")
        }
    }
}

/// The short "where to ask" for a printed or copied line: the subdistrict office where it helps,
/// else the lead department.
pub fn ask_short(
    lang: Lang,
    lead: &[String],
    partners: &[String],
    street: Option<&Text>,
) -> String {
    let streets_help = streets_help(lead, partners, street);
    match (lang, streets_help, street) {
        (Lang::Zh, true, Some(s)) => format!("{}办事处", s.zh),
        (Lang::Zh, true, None) => "所在街道办事处".to_owned(),
        (Lang::En, true, Some(s)) => format!("{}办事处 (subdistrict office)", s.zh),
        (Lang::En, true, None) => "your subdistrict office (街道办事处)".to_owned(),
        (_, false, _) => lead.join("、"),
    }
}

/// Where to ask, said once on the printed page for every measure that does not name its own.
pub fn ask_all(lang: Lang, ask: &str) -> String {
    match lang {
        Lang::Zh => format!("去哪里问：除另有注明外，各项都可先到{ask}咨询。"),
        Lang::En => format!(
            "Ask first at {ask}, unless a line says otherwise. Show the Chinese names there."
        ),
    }
}

/// Where most of these measures say to ask, said once for them all; a measure that says
/// otherwise names its own. `None` where no place serves two.
pub fn common_ask<'e, 'a: 'e>(
    lang: Lang,
    entries: impl IntoIterator<Item = &'e Entry<'a>>,
    street: Option<&Text>,
) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for e in entries {
        let ask = ask_short(lang, e.lead, e.partners, street);
        match counts.iter_mut().find(|(a, _)| *a == ask) {
            Some((_, n)) => *n += 1,
            None => counts.push((ask, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 1)
        .map(|(a, _)| a)
}

/// An office's details as the district's directory gives them: `接庄街道办事处：地址 …；电话 …；
/// 办公时间 …` / `接庄街道办事处: address …; phone …; hours …`. Only what the directory holds.
pub fn office(lang: Lang, o: &Office) -> String {
    let labels = match lang {
        Lang::Zh => ["地址 ", "电话 ", "办公时间 "],
        Lang::En => ["address ", "phone ", "hours "],
    };
    let said: Vec<String> = [&o.address, &o.phone, &o.hours]
        .into_iter()
        .zip(labels)
        .filter_map(|(v, l)| v.as_ref().map(|v| format!("{l}{v}")))
        .collect();
    format!(
        "{}{}{}",
        o.name,
        lang.pick(("：", ": ")),
        said.join(lang.pick(("；", "; ")))
    )
}

/// What "likely" means on these results: `可能符合：需咨询确认。` and each reason the catalogue
/// gives for the likely lines among them, once.
pub fn likely_means<'e, 'a: 'e>(
    lang: Lang,
    entries: impl IntoIterator<Item = &'e Entry<'a>>,
) -> String {
    let mut used = [false; CHECK_SHORT.len()];
    for &i in entries
        .into_iter()
        .flat_map(|e| e.check.into_iter().chain(e.also))
        .flat_map(check_short)
    {
        if let Some(u) = used.get_mut(i) {
            *u = true;
        }
    }
    let said: Vec<&str> = CHECK_SHORT
        .iter()
        .zip(used)
        .filter(|(_, u)| *u)
        .map(|(words, _)| lang.pick(*words))
        .collect();
    match lang {
        Lang::Zh => format!(
            "{}（{}）",
            lang.pick(Key::LikelyMeans.pair()),
            said.join("；")
        ),
        Lang::En => format!(
            "{} ({})",
            lang.pick(Key::LikelyMeans.pair()),
            said.join("; ")
        ),
    }
}

/// A yearly total: `每年 ¥1200` / `¥1200 a year`.
pub fn yearly(lang: Lang, amount: Decimal) -> String {
    match lang {
        Lang::Zh => format!("每年 {}", yuan(amount)),
        Lang::En => format!("{} a year", yuan(amount)),
    }
}

/// A yuan amount: `¥50`, `¥0.5`.
pub fn yuan(amount: Decimal) -> String {
    format!("¥{}", amount.normalize())
}

/// A percentage from a ratio: `0.85` → `85%`.
pub fn percent(ratio: Decimal) -> String {
    // The point moved two places, without a multiplication (see `CashSum::yearly`).
    let mut r = ratio;
    r.rescale(r.scale().max(2));
    let percent = Decimal::from_i128_with_scale(r.mantissa(), r.scale() - 2);
    format!("{}%", percent.normalize())
}

fn period(lang: Lang, p: Period) -> &'static str {
    lang.pick(match p {
        Period::Month => ("每月", "a month"),
        Period::Year => ("每年", "a year"),
        Period::Once => ("一次", "once"),
    })
}

/// Who pays: `区里` / `the district`.
fn payer(lang: Lang, p: Payer) -> &'static str {
    lang.pick(match p {
        Payer::Upper => ("上级政府", "higher levels of government"),
        Payer::District => ("区里", "the district"),
        Payer::Government => ("政府", "the government"),
    })
}

/// One amount in words: `现金 每月¥50，区里出钱` / `Cash: ¥50 a month, from the district`.
pub fn money(lang: Lang, m: &Money) -> String {
    // A one-off amount needs no "once": `保险费 ¥100`, `premium of ¥100`.
    let when = if m.period == Period::Once {
        ""
    } else {
        period(lang, m.period)
    };
    let amount = yuan(m.amount);
    let payer = match lang {
        Lang::Zh => format!("{}出钱", payer(lang, m.payer)),
        Lang::En => format!("from {}", payer(lang, m.payer)),
    };
    match (lang, m.kind) {
        (Lang::Zh, MoneyKind::Cash) => format!("现金 {when}{amount}，{payer}"),
        (Lang::Zh, MoneyKind::Premium) => format!("保险费 {when}{amount}，由政府替您交"),
        (Lang::Zh, MoneyKind::Subsidy) => format!("补贴 {when}{amount}，{payer}"),
        (Lang::En, MoneyKind::Cash) => format!("Cash: {}, {payer}", with_when(&amount, when)),
        (Lang::En, MoneyKind::Premium) => format!(
            "Insurance premium of {}, paid for you by the government",
            with_when(&amount, when)
        ),
        (Lang::En, MoneyKind::Subsidy) => format!("Subsidy: {}, {payer}", with_when(&amount, when)),
    }
}

/// `¥50 a month`, or `¥100` where there is no period to say.
fn with_when(amount: &str, when: &str) -> String {
    if when.is_empty() {
        amount.to_owned()
    } else {
        format!("{amount} {when}")
    }
}

/// A department's name; in English, the source's "each street" is said in words beside it.
pub fn department(lang: Lang, d: &str) -> String {
    match lang {
        Lang::En if d.starts_with('各') && d.contains("街道") => {
            format!("every subdistrict office ({d})")
        }
        _ => d.to_owned(),
    }
}

/// A measure's money in lines: cash paid in parts by several payers is one total with its
/// parts (`现金 每月¥100（上级政府出¥50，区里出¥50）`), so no part reads as a payment of its own.
pub fn money_lines(lang: Lang, money: &[Money]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, m) in money.iter().enumerate() {
        let same = |o: &&Money| o.kind == MoneyKind::Cash && o.period == m.period;
        if m.kind != MoneyKind::Cash || money.iter().filter(same).count() < 2 {
            out.push(self::money(lang, m));
            continue;
        }
        if money[..i].iter().any(|o| same(&o)) {
            continue;
        }
        let parts: Vec<&Money> = money.iter().filter(same).collect();
        let total = CashSum::of(parts.iter().copied()).of_period(m.period);
        let by = |p: &Money| match lang {
            Lang::Zh => format!("{}出{}", payer(lang, p.payer), yuan(p.amount)),
            Lang::En => format!("{} from {}", yuan(p.amount), payer(lang, p.payer)),
        };
        let split: Vec<String> = parts.iter().map(|p| by(p)).collect();
        let when = period(lang, m.period);
        out.push(match lang {
            Lang::Zh => format!("现金 {when}{}（{}）", yuan(total), split.join("，")),
            Lang::En => format!("Cash: {} {when} ({})", yuan(total), split.join(", ")),
        });
    }
    out
}

/// A measure's money in one short phrase for its line: the cash a month or a year, else what
/// kind of help it is.
pub fn amount_short(lang: Lang, e: &Entry<'_>) -> Option<String> {
    let CashSum { month, year, .. } = CashSum::of(e.money);
    let subsidy = e.money.iter().find(|m| m.kind == MoneyKind::Subsidy);
    let text = if !month.is_zero() {
        match lang {
            Lang::Zh => format!("每月{}", yuan(month)),
            Lang::En => format!("{} a month", yuan(month)),
        }
    } else if !year.is_zero() {
        match lang {
            Lang::Zh => format!("每年{}", yuan(year)),
            Lang::En => format!("{} a year", yuan(year)),
        }
    } else if let Some(s) = subsidy {
        match lang {
            Lang::Zh => format!("补贴{}", yuan(s.amount)),
            Lang::En => format!("{} subsidy", yuan(s.amount)),
        }
    } else if e.money.iter().any(|m| m.kind == MoneyKind::Premium) {
        lang.pick(Key::PremiumPaid.pair()).to_owned()
    } else if !e.ratios.is_empty() {
        // The new shares themselves: the title already says they are higher.
        let shares = e
            .ratios
            .iter()
            .map(|r| percent(r.after))
            .collect::<Vec<_>>()
            .join("/");
        match lang {
            Lang::Zh => format!("报销{shares}"),
            // The fund's share of eligible inpatient costs: nothing is paid back to anyone.
            Lang::En => format!("fund pays {shares}"),
        }
    } else if e.free {
        lang.pick(Key::Free.pair()).to_owned()
    } else if e.unstated.is_some() {
        lang.pick(("金额未写明", "amount not stated")).to_owned()
    } else {
        return None;
    };
    Some(text)
}

/// The cash a measure pays in a year (monthly cash twelve times), for ordering a list with the
/// money first.
pub fn yearly_cash(e: &Entry<'_>) -> Decimal {
    CashSum::of(e.money).worth()
}

/// A hospital reimbursement change: `一级医院住院报销：80% → 85%` /
/// `Level-1 (一级) hospitals: the fund pays 85% of eligible costs (was 80%)`.
pub fn ratio(lang: Lang, r: &Ratio) -> String {
    const LEVELS: [&str; 3] = ["一", "二", "三"];
    let level = match lang {
        Lang::Zh => match LEVELS.get(usize::from(r.hospital_level).wrapping_sub(1)) {
            Some(l) => format!("{l}级医院"),
            None => format!("{}级医院", r.hospital_level),
        },
        Lang::En => match LEVELS.get(usize::from(r.hospital_level).wrapping_sub(1)) {
            Some(l) => format!("Level-{} ({l}级) hospitals", r.hospital_level),
            None => format!("Level-{} hospitals", r.hospital_level),
        },
    };
    match lang {
        Lang::Zh => format!(
            "{level}住院报销：{} → {}",
            percent(r.before),
            percent(r.after)
        ),
        Lang::En => format!(
            "{level}: the fund pays {} of eligible inpatient costs (was {})",
            percent(r.after),
            percent(r.before)
        ),
    }
}

/// Why a result is only likely, in a few words ([`CHECK_SHORT`]'s): the results' legend says
/// each once.
fn check_short(why: CheckWhy) -> &'static [usize] {
    match why {
        CheckWhy::Application => &[0, 1],
        CheckWhy::Hardship => &[0],
        // "条件以部门为准", "由部门认定家庭": in a few words both are the department's decision.
        CheckWhy::Conditions | CheckWhy::Open => &[1],
        CheckWhy::Quota => &[2],
        CheckWhy::Part => &[3],
        CheckWhy::Elsewhere => &[4],
        CheckWhy::Unsure => &[5],
    }
}

/// The few words of [`check_short`], in the order a resident meets them: apply, the department
/// decides, places are limited…
const CHECK_SHORT: [(&str, &str); 6] = [
    ("需申请", "you apply"),
    ("部门审核", "the department decides"),
    ("名额有限", "places are limited"),
    ("只在部分学校或场所", "only some schools or places"),
    ("户籍在外地", "registered elsewhere"),
    ("先问清医保", "find out your insurance"),
];

/// Why a result is only likely.
pub fn check_why(why: CheckWhy) -> (&'static str, &'static str) {
    match why {
        CheckWhy::Conditions => (
            "原文写“符合条件”，具体条件以部门为准。",
            "The list says “who meet the conditions” without listing them.",
        ),
        CheckWhy::Quota => ("名额有限。", "Places are limited."),
        CheckWhy::Application => (
            "需要申请，由部门审核。",
            "You apply and the department decides.",
        ),
        CheckWhy::Part => (
            "只涉及部分学校或场所，不是每处都有。",
            "Only some schools or places are included, not every one.",
        ),
        CheckWhy::Open => (
            "原文没说“经济困难”“贫困家庭”“孤困儿童”包括哪些人，由部门认定。",
            "The list does not define “in economic difficulty”, “poor” or “children in difficulty”: the department decides whether you count.",
        ),
        CheckWhy::Elsewhere => (
            "户籍在外地：原文未写户籍要求，这类待遇一般在户籍地或参保地办理。",
            "Registered elsewhere: the list states no residency rule, and such benefits are usually given where one is registered or insured.",
        ),
        CheckWhy::Hardship => (
            "面向遇到突发困难的家庭，需申请，由部门审核。",
            "For a household facing a sudden hardship: you apply and the department decides.",
        ),
        CheckWhy::Unsure => (
            "医保选了“不清楚”：参加了这项写明的医保才能享受，请先问清。",
            "You answered “not sure” about medical insurance: it applies only in the scheme it names, so find out first.",
        ),
    }
}

/// An age range in words.
fn age_range(lang: Lang, min: Option<u8>, max: Option<u8>) -> String {
    match (lang, min, max) {
        (Lang::Zh, Some(a), Some(b)) => format!("{a}至{b}周岁"),
        (Lang::Zh, Some(a), None) => format!("{a}周岁及以上"),
        (Lang::Zh, None, Some(b)) => format!("{b}周岁及以下"),
        (Lang::En, Some(a), Some(b)) => format!("{a} to {b}"),
        (Lang::En, Some(a), None) => format!("{a} or over"),
        (Lang::En, None, Some(b)) => format!("{b} or under"),
        (_, None, None) => lang.pick(("任何年龄", "any age")).to_owned(),
    }
}

/// An answer in words, as the reasons say it: `住在洸河街道`, `in resident medical insurance`.
pub fn answer_words(lang: Lang, answer: Answer<'_>) -> String {
    match (lang, answer) {
        (Lang::Zh, Answer::Age(a)) => format!("{a}周岁"),
        (Lang::En, Answer::Age(a)) => format!("aged {a}"),
        (Lang::Zh, Answer::Sex(Sex::Female)) => "女性".to_owned(),
        (Lang::Zh, Answer::Sex(Sex::Male)) => "男性".to_owned(),
        (Lang::En, Answer::Sex(Sex::Female)) => "female".to_owned(),
        (Lang::En, Answer::Sex(Sex::Male)) => "male".to_owned(),
        (Lang::Zh, Answer::Area(v)) => format!("住在{}", lang.pick(v.pair())),
        (Lang::En, Answer::Area(Area::Urban)) => "lives in a town".to_owned(),
        (Lang::En, Answer::Area(Area::Rural)) => "lives in a village".to_owned(),
        (Lang::Zh, Answer::Street(p) | Answer::Community(p)) => format!("住在{}", p.name.zh),
        (Lang::En, Answer::Street(p) | Answer::Community(p)) => {
            format!("lives in {} ({})", p.name.en, p.name.zh)
        }
        (Lang::Zh, Answer::Insurance(Insurance::Unsure)) => "不清楚有没有医保".to_owned(),
        (Lang::En, Answer::Insurance(v @ (Insurance::None | Insurance::Unsure))) => {
            insurance_en(v).to_owned()
        }
        (Lang::En, Answer::Insurance(v)) => format!("in {}", insurance_en(v)),
        (_, Answer::Kind(v)) => lower_first(lang.pick(v.pair())),
        (_, Answer::Residency(v)) => lower_first(lang.pick(v.pair())),
        (_, Answer::Insurance(v)) => lang.pick(v.pair()).to_owned(),
        (_, Answer::Disability(v)) => lower_first(lang.pick(v.pair())),
        (_, Answer::Member(v)) => lower_first(lang.pick(v.pair())),
        (_, Answer::Work(v)) => lower_first(lang.pick(v.pair())),
        (_, Answer::Housing(v)) => lower_first(lang.pick(v.pair())),
    }
}

/// English answers read inside a sentence; Chinese has no case.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_ascii_uppercase() => c.to_ascii_lowercase().to_string() + chars.as_str(),
        Some(c) => c.to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// Why a measure applies, each answer said once: where several age conditions were met
/// (80 or over, and 80 to 89), the narrowest is named. In a household measure that some
/// member qualifies for, each qualifying member is named before their answers.
pub fn reasons(lang: Lang, reasons: &[Reason<'_>], members: &[Member], open: &[bool]) -> String {
    reasons_with(lang, reasons, members, open, true)
}

/// A member's reasons on a line said for several members: an age by its bracket alone
/// ("65周岁及以上", "aged 65 or over"), the member's own age being in their name and the
/// heading, so that members who meet a measure alike read alike and are said once.
pub fn reasons_shared(
    lang: Lang,
    reasons: &[Reason<'_>],
    members: &[Member],
    open: &[bool],
) -> String {
    reasons_with(lang, reasons, members, open, false)
}

fn reasons_with(
    lang: Lang,
    reasons: &[Reason<'_>],
    members: &[Member],
    open: &[bool],
    own_age: bool,
) -> String {
    let sep = lang.pick(("；", "; "));
    let mut whose: Vec<Option<usize>> = Vec::new();
    for r in reasons {
        if !whose.contains(&r.member) {
            whose.push(r.member);
        }
    }
    let mut said: Vec<String> = Vec::new();
    let mut theirs: Vec<(usize, String)> = Vec::new();
    for who in whose {
        let own: Vec<&Reason<'_>> = reasons.iter().filter(|r| r.member == who).collect();
        match who {
            None => said.push(answers_once(lang, &own, own_age)),
            Some(i) => theirs.push((i, answers_once(lang, &own, own_age))),
        }
    }
    let named = each_said(lang, &theirs, members, open);
    said.extend((!named.is_empty()).then_some(named));
    said.join(sep)
}

/// Each member's reasons, under their name; said once, unnamed, when two or
/// more members' reasons read alike ("84周岁（80至89周岁）" for both
/// 84-year-olds): the line already says whom it is for.
pub fn each_said(
    lang: Lang,
    said: &[(usize, String)],
    members: &[Member],
    open: &[bool],
) -> String {
    if let [(_, first), rest @ ..] = said {
        if !rest.is_empty() && rest.iter().all(|(_, s)| s == first) {
            return first.clone();
        }
    }
    said.iter()
        .map(|(i, s)| {
            format!(
                "{}{}{s}",
                member_name(lang, *i, members, open),
                lang.pick(("：", ": "))
            )
        })
        .collect::<Vec<_>>()
        .join(lang.pick(("；", "; ")))
}

fn answers_once(lang: Lang, reasons: &[&Reason<'_>], own_age: bool) -> String {
    let mut said: Vec<(Answer, String)> = Vec::new();
    let mut age: Option<(u8, Option<u8>, Option<u8>)> = None;
    for r in reasons {
        if let (Answer::Age(a), Condition::Age { min, max }) = (r.answer, r.met.as_ref()) {
            let width = |lo: Option<u8>, hi: Option<u8>| {
                u16::from(hi.unwrap_or(u8::MAX)) - u16::from(lo.unwrap_or(0))
            };
            if age.is_none_or(|(_, lo, hi)| width(*min, *max) < width(lo, hi)) {
                age = Some((a, *min, *max));
            }
            continue;
        }
        if !said.iter().any(|(a, _)| *a == r.answer) {
            said.push((r.answer, answer_words(lang, r.answer)));
        }
    }
    let mut out: Vec<String> = Vec::new();
    if let Some((a, min, max)) = age {
        let range = age_range(lang, min, max);
        out.push(match (lang, own_age) {
            (Lang::Zh, true) => format!("{a}周岁（{range}）"),
            (Lang::En, true) => format!("aged {a} ({range})"),
            (Lang::Zh, false) => range,
            (Lang::En, false) => format!("aged {range}"),
        });
    }
    out.extend(said.into_iter().map(|(_, w)| w));
    out.join(lang.pick(("；", "; ")))
}

/// A list of answers in words: `低保家庭、低保边缘家庭` / `a, b or c`.
fn one_of<T: Label>(lang: Lang, values: &[T]) -> String {
    let words: Vec<&str> = values.iter().map(|v| lang.pick(v.pair())).collect();
    join_last(&words, lang.pick(("、", ", ")), lang.pick(("或", " or ")))
}

/// The list's streets or estates by name, joined as `one_of` joins answers.
fn places(lang: Lang, places: &[Place]) -> String {
    let words: Vec<&str> = places.iter().map(|p| lang.text(&p.name)).collect();
    join_last(&words, lang.pick(("、", ", ")), lang.pick(("或", " or ")))
}

/// An English list of answers inside a sentence: `resident medical insurance or employee…`.
fn one_of_lower<T: Label>(values: &[T]) -> String {
    let words: Vec<String> = values.iter().map(|v| lower_first(v.pair().1)).collect();
    or_list(&words)
}

/// `a, b or c`.
fn or_list<S: AsRef<str>>(words: &[S]) -> String {
    join_last(words, ", ", " or ")
}

/// The words joined by `comma`, the last by `last`: `a、b或c`, `a, b and c`.
fn join_last<S: AsRef<str>>(words: &[S], comma: &str, last: &str) -> String {
    match words {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., tail] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{}{last}{}", init.join(comma), tail.as_ref())
        }
    }
}

/// How the parts of a list of conditions are joined.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Joined {
    /// "…，并且…" / "… and …"
    All,
    /// "…或…" / "… or …"
    Any,
}

/// A condition as one of `parts` conditions joined by `joined`: bracketed, where there are
/// several, if it is itself a list of the other kind (an "and" inside an "or", an "or" of
/// several inside an "and"), so it is clear what binds.
fn part(
    lang: Lang,
    c: &Condition,
    member: Option<&Member>,
    joined: Joined,
    parts: usize,
) -> String {
    let nested = parts > 1
        && match c {
            Condition::AllOf(_) => joined == Joined::Any,
            Condition::AnyOf(inner) => joined == Joined::All && inner.len() > 1,
            // One phrase each ("家里有人…" too).
            Condition::AnyMember(_)
            | Condition::Age { .. }
            | Condition::Sex { .. }
            | Condition::Household { .. }
            | Condition::Residency { .. }
            | Condition::Insurance { .. }
            | Condition::Disability { .. }
            | Condition::Member { .. }
            | Condition::Work { .. }
            | Condition::Area { .. }
            | Condition::Street { .. }
            | Condition::Community { .. }
            | Condition::Housing { .. } => false,
        };
    let words = unmet(lang, c, member);
    match (nested, lang, c) {
        (true, Lang::Zh, _) => format!("（{words}）"),
        // In English an "or" inside an "and" is said, not bracketed: "aged 60 or over and
        // either aged 80 or over or with a disability".
        (true, Lang::En, Condition::AnyOf(_)) => format!("either {words}"),
        (true, Lang::En, _) => format!("({words})"),
        (false, _, _) => words,
    }
}

/// English conditions joined by "and", an "either … or …" among them said last, so its "or"
/// cannot be read as taking the "and" after it.
fn either_last(parts: Vec<String>) -> Vec<String> {
    // A partition, not a sort: the library's sort would bring its code into the Wasm.
    let (either, mut rest): (Vec<String>, Vec<String>) =
        parts.into_iter().partition(|p| p.starts_with("either "));
    rest.extend(either);
    rest
}

/// A medical insurance scheme in an English sentence (the form's short labels are for a
/// drop-down).
fn insurance_en(v: Insurance) -> &'static str {
    match v {
        Insurance::Resident => "resident medical insurance",
        Insurance::ResidentExempt => "resident medical insurance with the fee waived",
        Insurance::Employee => "employee medical insurance",
        Insurance::None => "no medical insurance",
        Insurance::Unsure => "not sure of medical insurance",
    }
}

/// A condition in words, as a bare phrase (`年满80周岁（现78周岁）`, `aged 80 or over (now 78)`),
/// for `why_not` to put after 需 / "only if" once.
pub fn unmet(lang: Lang, c: &Condition, member: Option<&Member>) -> String {
    if let Condition::Age { min, max } = c {
        let now = match (lang, member) {
            (Lang::Zh, Some(m)) => format!("（现{}周岁）", m.age),
            (Lang::En, Some(m)) => format!(" (now {})", m.age),
            (_, None) => String::new(),
        };
        return match (lang, *min, *max) {
            (Lang::Zh, Some(a), None) => format!("年满{a}周岁{now}"),
            (Lang::Zh, None, Some(b)) => format!("不超过{b}周岁{now}"),
            (Lang::Zh, lo, hi) => format!("在{}之间{now}", age_range(lang, lo, hi)),
            (Lang::En, Some(a), None) => format!("aged {a} or over{now}"),
            (Lang::En, None, Some(b)) => format!("aged {b} or under{now}"),
            (Lang::En, lo, hi) => format!("aged {}{now}", age_range(lang, lo, hi)),
        };
    }
    let list = |all: &[Condition], joined: Joined| -> String {
        // An "or" leaves out the branches this person can never meet (a 78-year-old is not told
        // about being 17 or under), unless none is left.
        let reachable =
            |c: &&Condition| joined == Joined::All || member.is_none_or(|m| !c.out_of_reach(m));
        let mut of: Vec<&Condition> = all.iter().filter(reachable).collect();
        if of.is_empty() {
            of = all.iter().collect();
        }
        let parts = either_last(
            of.iter()
                .map(|c| part(lang, c, member, joined, of.len()))
                .collect(),
        );
        let (comma, last) = match (lang, joined) {
            (Lang::Zh, Joined::All) => ("，", "，并且"),
            (Lang::Zh, Joined::Any) => ("、", "或"),
            (Lang::En, Joined::All) => (", ", " and "),
            (Lang::En, Joined::Any) => (", ", " or "),
        };
        join_last(&parts, comma, last)
    };
    match (lang, c) {
        (_, Condition::Age { .. }) => String::new(),
        (Lang::Zh, Condition::Sex { is }) => format!("为{}性", is.pair().0),
        (Lang::En, Condition::Sex { is: Sex::Female }) => "a woman".to_owned(),
        (Lang::En, Condition::Sex { is: Sex::Male }) => "a man".to_owned(),
        (Lang::Zh, Condition::Household { any_of }) => format!("是{}", one_of(lang, any_of)),
        (Lang::En, Condition::Household { any_of }) => {
            format!("the household type is {}", one_of_lower(any_of))
        }
        (Lang::Zh, Condition::Residency { .. }) => "在本区居住或有户籍".to_owned(),
        (Lang::En, Condition::Residency { .. }) => {
            "living or registered in the district".to_owned()
        }
        (Lang::Zh, Condition::Insurance { any_of }) => format!("参加{}", one_of(lang, any_of)),
        (Lang::En, Condition::Insurance { any_of }) => {
            // Each scheme named once: the resident scheme, fee waived or not, is one.
            let has = |v: Insurance| any_of.contains(&v);
            let resident = has(Insurance::Resident) && has(Insurance::ResidentExempt);
            match (resident, has(Insurance::Employee)) {
                (true, true) if any_of.len() == 3 => "in a medical insurance scheme".to_owned(),
                (true, false) if any_of.len() == 2 => "in resident medical insurance".to_owned(),
                _ => {
                    let words: Vec<&str> = any_of.iter().map(|v| insurance_en(*v)).collect();
                    format!("in {}", or_list(&words))
                }
            }
        }
        (Lang::Zh, Condition::Disability { .. }) => "有残疾".to_owned(),
        (Lang::En, Condition::Disability { .. }) => "with a disability".to_owned(),
        (_, Condition::Member { flag }) => lower_first(lang.pick(flag.pair())),
        // "在建筑业工作" is said as it is; "城镇长期失业人员" takes 是.
        (Lang::Zh, Condition::Work { any_of }) => {
            let words = one_of(lang, any_of);
            if words.starts_with('在') || words.starts_with('从') {
                words
            } else {
                format!("是{words}")
            }
        }
        (Lang::En, Condition::Work { any_of }) => {
            // After "only if": a phrase, where the form's labels are answers ("Works in…").
            let words: Vec<&str> = any_of
                .iter()
                .map(|w| match w {
                    Work::None => "in none of the listed work",
                    Work::Construction => "working in construction",
                    Work::Agriculture => "working in farming",
                    Work::RuralSurplusLabour => "a rural worker looking for work",
                    Work::LongTermUnemployed => "long-term unemployed, living in a town",
                })
                .collect();
            or_list(&words)
        }
        (Lang::Zh, Condition::Area { is }) => format!("住在{}", is.pair().0),
        // The household's own facts are said to the reader ("you live in…", "you have a car"):
        // they stand in a person's list, where the form's "we" would read as someone else.
        (Lang::En, Condition::Area { is: Area::Rural }) => "you live in a village".to_owned(),
        (Lang::En, Condition::Area { is: Area::Urban }) => "you live in a town".to_owned(),
        (Lang::Zh, Condition::Street { any_of } | Condition::Community { any_of }) => {
            format!("住在{}", places(lang, any_of))
        }
        (Lang::En, Condition::Street { any_of } | Condition::Community { any_of }) => {
            format!("you live in {}", places(lang, any_of))
        }
        (Lang::Zh, Condition::Housing { flag }) => flag.pair().0.to_owned(),
        (Lang::En, Condition::Housing { flag }) => match flag {
            HousingFlag::OldCommunity => "you live in an old housing estate",
            HousingFlag::PipedGas => "you have piped natural gas",
            HousingFlag::Lift => "your building has a lift",
            HousingFlag::Car => "you have a car",
        }
        .to_owned(),
        (_, Condition::AllOf(of)) => list(of, Joined::All),
        (_, Condition::AnyOf(of)) => list(of, Joined::Any),
        (Lang::Zh, Condition::AnyMember(inner)) => format!("家里有人{}", unmet(lang, inner, None)),
        (Lang::En, Condition::AnyMember(inner)) => {
            format!("someone in the household is {}", unmet(lang, inner, None))
        }
    }
}

/// Why a measure does not apply, in one line: `高龄补贴：需年满80周岁（现78周岁）`.
pub fn why_not(lang: Lang, title: &str, na: &NotApplicable<'_>, member: Option<&Member>) -> String {
    // The conditions are joined by "and": an "or" among several is bracketed in Chinese, said
    // with "either", last, in English.
    let conditions = either_last(
        na.unmet
            .iter()
            .map(|c| part(lang, c, member, Joined::All, na.unmet.len()))
            .collect(),
    );
    match lang {
        Lang::Zh => format!("{title}：需{}", conditions.join("，并且")),
        Lang::En => format!("{title}: only if {}", conditions.join(" and ")),
    }
}

/// A near miss, or several said as one, in parts: when, what (with the money), and where it
/// brings nothing to count, the names a list of names says (`“免费有线电视”`), and whether it
/// would be only likely. A near miss promises no more than its measure would.
struct Near {
    when: String,
    what: String,
    names: Option<String>,
}

/// A near miss in words: `满80周岁时，可享受“高龄补贴”，每月¥50。`
fn near_parts(lang: Lang, n: &NearMiss<'_>, title: &str) -> Near {
    // Each period said as itself: `每月¥50`, `每年¥10`, or both.
    let sum = CashSum::of(n.money);
    let cash: Vec<String> = [
        (sum.month, Period::Month),
        (sum.year, Period::Year),
        (sum.once, Period::Once),
    ]
    .into_iter()
    .filter(|(amount, _)| !amount.is_zero())
    .map(|(amount, p)| match lang {
        Lang::Zh => format!("{}{}", period(lang, p), yuan(amount)),
        Lang::En => format!("{} {}", yuan(amount), period(lang, p)),
    })
    .collect();
    let cash = cash.join(lang.pick(("，另", " and ")));
    let when = match (lang, n.change) {
        (Lang::Zh, Change::Age { at }) => format!("满{at}周岁时"),
        (Lang::En, Change::Age { at }) => format!("At {at}"),
        (Lang::Zh, Change::Insurance { to }) => format!("如参加{}", to.pair().0),
        (Lang::En, Change::Insurance { to }) => format!("If you join the {}", insurance_en(to)),
    };
    // A likely one is said to be likely, after its name.
    let mark = match n.certainty {
        Certainty::Eligible => "",
        Certainty::Check => lang.pick(("（可能符合）", " (likely)")),
    };
    // A title that carries its own quotation marks is not quoted again.
    let name = match lang {
        Lang::Zh if !title.contains('“') => format!("“{title}”{mark}"),
        _ => format!("{title}{mark}"),
    };
    let what = match (lang, n.gain, !cash.is_empty()) {
        (Lang::Zh, Gain::New, true) => format!("可享受{name}，{cash}"),
        (Lang::Zh, Gain::More, true) => format!("{name}提高到{cash}"),
        (Lang::Zh, _, false) => format!("可享受{name}"),
        (Lang::En, Gain::New, true) => format!("{name}, {cash}"),
        (Lang::En, Gain::More, true) => format!("{name} rises to {cash}"),
        (Lang::En, _, false) => format!("{name} would apply"),
    };
    Near {
        when,
        what,
        names: cash.is_empty().then_some(name),
    }
}

/// One near miss in words: `满80周岁时，可享受“高龄补贴”，每月¥50。`
pub fn near_miss(lang: Lang, n: &NearMiss<'_>, title: &str) -> String {
    let p = near_parts(lang, n, title);
    near_said(lang, &p.when, &p.what)
}

fn near_said(lang: Lang, when: &str, what: &str) -> String {
    match lang {
        Lang::Zh => format!("{when}，{what}。"),
        Lang::En => format!("{when}: {what}."),
    }
}

/// A member's near misses, those that come with the same change said in one sentence:
/// `满6周岁时，可享受“义务教育学位”（可能符合）、“改善学校条件”（可能符合）。` Alternatives to each
/// other (`instead_of`, side by side in item order) are one choice, never two to add up: `可享受“女性安康保险（全额代缴）”
/// （可能符合）或“女性安康保险（参保补贴）”（可能符合）（二选一）`. Each with the items it speaks of.
pub fn near_misses(lang: Lang, misses: &[(&NearMiss<'_>, String)]) -> Vec<(Vec<u8>, String)> {
    let mut said: Vec<(Vec<u8>, String)> = Vec::new();
    let mut at = 0;
    while let Some((first, _)) = misses.get(at) {
        let count = misses[at..]
            .iter()
            .take_while(|(n, _)| n.change == first.change)
            .count();
        let run = &misses[at..at + count];
        // Each a name where it brings nothing to count (named together under one verb), else
        // what it brings; an alternative to the one before it joins its choice.
        let (mut names, mut whats): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
        let mut all_names = true;
        let mut when = String::new();
        let mut before: Option<&str> = None;
        for (n, title) in run {
            let p = near_parts(lang, n, title);
            when = p.when;
            all_names &= p.names.is_some();
            let name = p.names.unwrap_or_default();
            let either = before.is_some_and(|b| n.instead_of.iter().any(|id| id == b));
            match (either, names.last_mut(), whats.last_mut()) {
                (true, Some(pn), Some(pw)) => {
                    let mark = lang.pick(("（二选一）", " (one or the other)"));
                    *pn = format!("{pn}{}{name}{mark}", lang.pick(("或", " or ")));
                    *pw = format!("{pw}{}{}{mark}", lang.pick(("；或", "; or ")), p.what);
                }
                _ => {
                    names.push(name);
                    whats.push(p.what);
                }
            }
            before = Some(n.measure);
        }
        let what = match (lang, all_names) {
            (Lang::Zh, true) => format!("可享受{}", names.join("、")),
            (Lang::En, true) => {
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                format!("{} would apply", and_list(&names))
            }
            (_, false) => whats.join(lang.pick(("；", "; "))),
        };
        let items = run.iter().map(|(n, _)| n.item).collect();
        said.push((items, near_said(lang, &when, &what)));
        at += count;
    }
    said
}

fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// What a line says of the alternatives its member is given too: `二选一` / `one or the other`,
/// so that no reader adds the two; the lines stand side by side, and the details name the other
/// ([`either_of`]).
pub fn one_or_other(lang: Lang, e: &Entry<'_>) -> Option<&'static str> {
    (!e.instead_of.is_empty()).then(|| lang.pick(("二选一", "one or the other")))
}

/// The alternatives in a sentence, for the details: `与“女性安康保险（参保补贴）”二选一，不能两项
/// 都享受。` / `One or the other with “Women's cover subsidy”: not both.`
pub fn either_of(lang: Lang, catalogue: &Catalogue, e: &Entry<'_>) -> Option<String> {
    if e.instead_of.is_empty() {
        return None;
    }
    let titles: Vec<String> = e
        .instead_of
        .iter()
        .map(|id| format!("“{}”", measure_title(lang, catalogue, e.item, id)))
        .collect();
    Some(match lang {
        Lang::Zh => format!("与{}二选一，不能两项都享受。", titles.join("、")),
        Lang::En => format!("One or the other with {}: not both.", titles.join(", ")),
    })
}

/// The desk's countdown before it clears itself.
pub fn countdown(lang: Lang, seconds: u32) -> String {
    match lang {
        Lang::Zh => format!("{seconds}秒后将自动清空所有回答，以保护您的信息。"),
        Lang::En => {
            format!("Every answer will be cleared in {seconds} s, to protect your information.")
        }
    }
}
