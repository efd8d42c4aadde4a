//! Every word the page shows, in Chinese and English.
//!
//! Each string is a `(zh, en)` pair inside an exhaustive `match`, so a new key or answer
//! without both translations does not compile.

use crate::catalogue::{CheckWhy, Condition, Money, MoneyKind, Payer, Period, Text};
use crate::choice::{
    Area, Community, Disability, HouseholdKind, HousingFlag, Insurance, MemberFlag, Residency, Sex,
    Street, Work,
};
use crate::engine::{Answer, Change, Gain, NearMiss, Reason};
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

/// The page's fixed strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    AppTitle,
    Intro,
    SwitchLang,
    LargeText,
    NormalText,
    ReadAloud,
    StopReading,
    Household,
    Residency,
    Street,
    Area,
    Kind,
    Community,
    NotSure,
    HomeFacts,
    Members,
    Age,
    YearsOld,
    Sex,
    Insurance,
    Disability,
    Work,
    MemberFacts,
    AddMember,
    RemoveMember,
    Results,
    CashTotal,
    PerMonth,
    NoCash,
    ForHousehold,
    ForEveryone,
    NothingApplies,
    NotCovered,
    Eligible,
    CheckWith,
    Why,
    Departments,
    Lead,
    Partners,
    Deadline,
    Source,
    AmountNotStated,
    Free,
    NearMisses,
    Disclaimer,
    BadLink,
    Reimbursement,
    Language,
    MemberNumber,
    FormHeading,
    TakeAlong,
    Share,
    CopyText,
    Print,
    Copied,
    CopyFailed,
    CopyByHand,
    LinkWarning,
    Link,
    QrLabel,
    QrCaption,
    QrTooLong,
    NextResident,
    DeskMode,
    Remember,
    Forget,
    BadSaved,
    PrintedOn,
}

impl Key {
    /// The key's `(zh, en)` pair.
    pub fn pair(self) -> (&'static str, &'static str) {
        match self {
            Key::AppTitle => ("民生实事查询", "What the district's measures give you"),
            Key::Intro => ("回答几个问题，看看2022年济宁高新区33项民生实事中，哪些能帮到您和家人。所有计算都在您的手机上完成，不会上传任何信息。", "Answer a few questions to see which of Jining High-tech Zone's 33 livelihood measures of 2022 help you and your family. Everything is worked out on your own phone; nothing is sent anywhere."),
            Key::SwitchLang => ("English", "中文"),
            Key::LargeText => ("大字模式", "Large text"),
            Key::NormalText => ("标准字号", "Normal text"),
            Key::ReadAloud => ("朗读结果", "Read aloud"),
            Key::StopReading => ("停止朗读", "Stop reading"),
            Key::Household => ("家庭情况", "Your household"),
            Key::Residency => ("户籍或居住", "Registered or living here"),
            Key::Street => ("所在街道", "Street (街道)"),
            Key::Area => ("城镇还是农村", "Town or village"),
            Key::Kind => ("家庭类型", "Household type"),
            Key::Community => ("所在小区", "Housing estate"),
            Key::NotSure => ("不清楚 / 其他", "Not sure / other"),
            Key::HomeFacts => ("住房情况", "Your home"),
            Key::Members => ("家庭成员", "Household members"),
            Key::Age => ("年龄", "Age"),
            Key::YearsOld => ("周岁", "years"),
            Key::Sex => ("性别", "Sex"),
            Key::Insurance => ("医疗保险", "Medical insurance"),
            Key::Disability => ("残疾情况", "Disability"),
            Key::Work => ("工作情况", "Work"),
            Key::MemberFacts => ("其他情况", "Other circumstances"),
            Key::AddMember => ("添加家庭成员", "Add a member"),
            Key::RemoveMember => ("删除此成员", "Remove this member"),
            Key::Results => ("查询结果", "Results"),
            Key::CashTotal => ("全家每月可领现金", "Cash for the household each month"),
            Key::PerMonth => ("每月", "a month"),
            Key::NoCash => ("没有按月发放的现金补贴，但下面的服务和保险可以享受。", "No monthly cash, but the services and insurance below apply."),
            Key::ForHousehold => ("全家共享的项目", "For the whole household"),
            Key::ForEveryone => ("惠及全区居民的项目", "For everyone in the district"),
            Key::NothingApplies => ("按您的回答，暂无专门适用的项目。", "From your answers, no measure applies to this person in particular."),
            Key::NotCovered => ("这份清单只面向在高新区居住或有户籍的居民。按您的回答，没有适用的项目。", "This list is only for people who live in or are registered in the district. From your answers, nothing applies."),
            Key::Eligible => ("可享受", "You qualify"),
            Key::CheckWith => ("可能符合，请向以下部门咨询确认", "Likely — please confirm with the department below"),
            Key::Why => ("为什么", "Why"),
            Key::Departments => ("负责部门", "Who to ask"),
            Key::Lead => ("主办", "Lead"),
            Key::Partners => ("协办", "With"),
            Key::Deadline => ("完成期限", "Deadline"),
            Key::Source => ("原文", "Original text"),
            Key::AmountNotStated => ("文件未写明金额，请向负责部门咨询", "The amount is not stated; ask the department"),
            Key::Free => ("免费", "Free"),
            Key::NearMisses => ("值得留意", "Worth knowing"),
            Key::Disclaimer => ("本工具依据济宁高新区2022年“民生实事”项目清单整理，仅供参考；能否享受、具体金额，以负责部门的审核为准。", "This tool follows Jining High-tech Zone's 2022 list of livelihood measures and is for guidance only; the responsible department decides who qualifies and how much."),
            Key::BadLink => ("链接中的信息无法读取，已为您显示空白问卷。", "The answers in this link could not be read, so the form is shown empty."),
            Key::Reimbursement => ("住院报销比例", "Hospital reimbursement"),
            Key::Language => ("语言、字号和朗读", "Language, text size and reading aloud"),
            Key::MemberNumber => ("第{}位", "Member {}"),
            Key::FormHeading => ("请回答以下问题", "Your answers"),
            Key::TakeAlong => ("保存或分享结果", "Keep or share the result"),
            Key::Share => ("分享链接和二维码", "Share link and QR code"),
            Key::CopyText => ("复制文字", "Copy as text"),
            Key::Print => ("打印", "Print"),
            Key::Copied => ("已复制，可以粘贴到微信聊天中。", "Copied: paste it into a chat."),
            Key::CopyFailed => ("无法自动复制。", "Could not copy automatically."),
            Key::CopyByHand => ("请长按下面的文字，选择“复制”：", "Press and hold the text below and choose Copy:"),
            Key::LinkWarning => ("注意：这个链接里包含您填写的回答，只发给您信任的人。", "Note: this link carries your answers. Send it only to people you trust."),
            Key::Link => ("链接", "Link"),
            Key::QrLabel => ("打开本结果的二维码", "QR code that opens this result"),
            Key::QrCaption => ("用手机扫一扫，把结果带回家。", "Scan with a phone to take the result home."),
            Key::QrTooLong => ("家庭成员较多，链接太长，无法生成二维码；请复制链接。", "The link is too long for a QR code; copy the link instead."),
            Key::NextResident => ("下一位", "Next resident"),
            Key::DeskMode => ("服务台模式：不保存任何信息", "Service desk mode: nothing is stored"),
            Key::Remember => ("在本机记住我的回答（公共设备请勿勾选）", "Remember my answers on this device (not on a shared device)"),
            Key::Forget => ("清除本机保存的回答", "Forget my answers on this device"),
            Key::BadSaved => ("本机保存的回答无法读取（可能来自旧版本），已忽略。", "The answers kept on this device could not be read (perhaps from an older version) and were ignored."),
            Key::PrintedOn => ("打印日期", "Printed on"),
        }
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
            Residency::Hukou => ("户籍在高新区", "Registered here (hukou)"),
            Residency::Resident => (
                "在高新区居住，户籍在外地",
                "Living here, registered elsewhere",
            ),
            Residency::None => (
                "既不在高新区居住也无户籍",
                "Neither living nor registered here",
            ),
        }
    }
}

impl Label for Street {
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            Street::Guanghe => ("洸河街道", "Guanghe"),
            Street::Huangtun => ("黄屯街道", "Huangtun"),
            Street::Liuhang => ("柳行街道", "Liuhang"),
            Street::Wangyin => ("王因街道", "Wangyin"),
            Street::Jiezhuang => ("接庄街道", "Jiezhuang"),
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
            HouseholdKind::LowIncome => ("低保边缘家庭", "Near minimum-living (低保边缘)"),
            HouseholdKind::MinimumLiving => ("低保家庭", "Minimum living allowance (低保)"),
            HouseholdKind::ExtremePovertyDispersed => (
                "分散供养特困",
                "Extreme poverty, cared for at home (分散特困)",
            ),
            HouseholdKind::ExtremePovertyCentralized => (
                "集中供养特困",
                "Extreme poverty, cared for in an institution (集中特困)",
            ),
            HouseholdKind::PovertyMonitored => (
                "脱贫户 / 监测户",
                "Lifted out of poverty / monitored (脱贫/监测户)",
            ),
        }
    }
}

impl Label for Community {
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            Community::Keyuan => ("科苑小区", "Keyuan"),
            Community::Xizha => ("西闸小区", "Xizha"),
            Community::Yindu => ("银都小区", "Yindu"),
            Community::Dianyeju => ("电业局宿舍", "Power Bureau dormitory"),
            Community::Yunchuang => ("云创小镇社区", "Yunchuang Town"),
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
            Insurance::Resident => ("居民医保", "Resident medical insurance"),
            Insurance::ResidentExempt => (
                "居民医保（免缴费）",
                "Resident insurance, contribution waived",
            ),
            Insurance::Employee => ("职工医保", "Employee medical insurance"),
            Insurance::None => ("没有 / 不清楚", "None / not sure"),
        }
    }
}

impl Label for Disability {
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            Disability::None => ("无", "None"),
            Disability::Physical => ("肢体残疾", "Physical"),
            Disability::Intellectual => ("智力残疾", "Intellectual"),
            Disability::Mental => ("精神残疾", "Mental"),
            Disability::Visual => ("视力残疾", "Visual"),
            Disability::Hearing => ("听力残疾", "Hearing"),
            Disability::Speech => ("言语残疾", "Speech"),
            Disability::Multiple => ("多重残疾", "Multiple"),
        }
    }
}

impl Label for Work {
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            Work::None => ("以上都不是", "None of these"),
            Work::Construction => ("在建筑业工作", "Works in construction"),
            Work::Agriculture => ("从事农业生产经营", "Works in farming"),
            Work::RuralSurplusLabour => (
                "农村富余劳动力（想找工作）",
                "Rural worker looking for work",
            ),
            Work::LongTermUnemployed => ("城镇长期失业", "Out of work for a long time (town)"),
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

/// The source's 完成期限 with the list's year: `2022年年底`, `end of 2022`, `September 2022`.
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
        Lang::En if deadline == "年底" => format!("end of {year}"),
        Lang::En => match deadline
            .strip_suffix('月')
            .and_then(|m| m.parse::<usize>().ok())
            .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
        {
            Some(month) => format!("{month} {year}"),
            None => format!("{deadline} ({year})"),
        },
    }
}

/// The one line at the foot of the form: how many measures, how much cash, and where to look.
pub fn jump(lang: Lang, outcome: &crate::engine::Outcome<'_>) -> yew::AttrValue {
    let count = outcome.members.iter().map(Vec::len).sum::<usize>() + outcome.household.len();
    let month = outcome.cash.month;
    let text = match (lang, month.is_zero()) {
        (Lang::Zh, true) => format!("找到{count}项 · 查看结果 ↓"),
        (Lang::Zh, false) => format!("找到{count}项 · 每月{} · 查看结果 ↓", yuan(month)),
        (Lang::En, true) => format!("{count} found · see results ↓"),
        (Lang::En, false) => format!("{count} found · {} a month · see results ↓", yuan(month)),
    };
    text.into()
}

/// A member's heading: `第1位：女，92周岁` / `Member 1: female, 92`.
pub fn member_heading(lang: Lang, index: usize, member: &crate::profile::Member) -> String {
    let n = index + 1;
    let sex = lang.pick(member.sex.pair());
    match lang {
        Lang::Zh => format!("第{n}位：{sex}，{}周岁", member.age),
        Lang::En => format!("Member {n}: {sex}, aged {}", member.age),
    }
}

/// A note that the source merges an item's department cells with item `n`'s.
pub fn shared_cells(lang: Lang, n: u8) -> String {
    match lang {
        Lang::Zh => format!("（原表与第{n}项合并单元格，部门相同）"),
        Lang::En => format!(" (the source merges these cells with item {n}'s: same departments)"),
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
    format!("{}%", (ratio * Decimal::from(100)).normalize())
}

/// One amount in words: `¥50 每月（区级）`.
pub fn money(lang: Lang, m: &Money) -> String {
    let period = lang.pick(match m.period {
        Period::Month => ("每月", "a month"),
        Period::Year => ("每年", "a year"),
        Period::Once => ("一次", "once"),
    });
    let payer = lang.pick(match m.payer {
        Payer::Upper => ("上级承担", "paid by the upper level"),
        Payer::District => ("区级承担", "paid by the district"),
        Payer::Government => ("政府出资", "paid by the government"),
    });
    let kind = lang.pick(money_kind(m.kind));
    match lang {
        Lang::Zh => format!("{kind} {} {period}，{payer}", yuan(m.amount)),
        Lang::En => format!("{kind}: {} {period}, {payer}", yuan(m.amount)),
    }
}

/// What a kind of money is.
pub fn money_kind(kind: MoneyKind) -> (&'static str, &'static str) {
    match kind {
        MoneyKind::Cash => ("现金", "Cash"),
        MoneyKind::Premium => ("代缴保费", "Premium paid for you"),
        MoneyKind::Subsidy => ("补贴", "Subsidy"),
    }
}

/// Why a result is only likely.
pub fn check_why(why: CheckWhy) -> (&'static str, &'static str) {
    match why {
        CheckWhy::Conditions => (
            "原文写“符合条件”，具体条件以部门为准",
            "the list says “who meet the conditions” without listing them",
        ),
        CheckWhy::Quota => ("名额或学位有限", "places are limited"),
        CheckWhy::Application => (
            "需要申请，由部门审核",
            "you apply and the department decides",
        ),
    }
}

/// An age range in words.
fn age_range(lang: Lang, min: Option<u8>, max: Option<u8>) -> String {
    match (lang, min, max) {
        (Lang::Zh, Some(a), Some(b)) => format!("{a}至{b}周岁"),
        (Lang::Zh, Some(a), None) => format!("{a}周岁及以上"),
        (Lang::Zh, None, Some(b)) => format!("{b}周岁及以下"),
        (Lang::En, Some(a), Some(b)) => format!("aged {a} to {b}"),
        (Lang::En, Some(a), None) => format!("aged {a} or over"),
        (Lang::En, None, Some(b)) => format!("aged {b} or under"),
        (_, None, None) => lang.pick(("任何年龄", "any age")).to_owned(),
    }
}

/// One reason in words: the answer, and the condition it met.
pub fn reason(lang: Lang, r: &Reason<'_>) -> String {
    let answer = match r.answer {
        Answer::Age(a) => match lang {
            Lang::Zh => format!("年龄{a}周岁"),
            Lang::En => format!("age {a}"),
        },
        Answer::Sex(v) => lang.pick(v.pair()).to_owned(),
        Answer::Kind(v) => lang.pick(v.pair()).to_owned(),
        Answer::Residency(v) => lang.pick(v.pair()).to_owned(),
        Answer::Insurance(v) => lang.pick(v.pair()).to_owned(),
        Answer::Disability(v) => lang.pick(v.pair()).to_owned(),
        Answer::Member(v) => lang.pick(v.pair()).to_owned(),
        Answer::Work(v) => lang.pick(v.pair()).to_owned(),
        Answer::Area(v) => lang.pick(v.pair()).to_owned(),
        Answer::Street(v) => lang.pick(v.pair()).to_owned(),
        Answer::Community(v) => lang.pick(v.pair()).to_owned(),
        Answer::Housing(v) => lang.pick(v.pair()).to_owned(),
    };
    match r.met.as_ref() {
        Condition::Age { min, max } => match lang {
            Lang::Zh => format!("{answer}，属于{}", age_range(lang, *min, *max)),
            Lang::En => format!("{answer}: {}", age_range(lang, *min, *max)),
        },
        _ => answer,
    }
}

/// A near miss in words: `满80周岁时：高龄补贴 ¥50 每月`.
pub fn near_miss(lang: Lang, n: &NearMiss<'_>, title: &str) -> String {
    let total: Decimal = n
        .money
        .iter()
        .filter(|m| m.kind == MoneyKind::Cash)
        .map(|m| m.amount)
        .sum();
    let when = match (lang, n.change) {
        (Lang::Zh, Change::Age { at }) => format!("满{at}周岁时"),
        (Lang::En, Change::Age { at }) => format!("At {at}"),
        (_, Change::Insurance { to }) => match lang {
            Lang::Zh => format!("如参加{}", lang.pick(to.pair())),
            Lang::En => format!("If enrolled in {}", lang.pick(to.pair())),
        },
    };
    let what = match (lang, n.gain, total > Decimal::ZERO) {
        (Lang::Zh, Gain::New, true) => format!("可享受“{title}”，每月{}", yuan(total)),
        (Lang::Zh, Gain::More, true) => format!("“{title}”提高到每月{}", yuan(total)),
        (Lang::Zh, _, false) => format!("可享受“{title}”"),
        (Lang::En, Gain::New, true) => format!("{title}: {} a month", yuan(total)),
        (Lang::En, Gain::More, true) => format!("{title} rises to {} a month", yuan(total)),
        (Lang::En, _, false) => format!("{title} would apply"),
    };
    match lang {
        Lang::Zh => format!("{when}，{what}。"),
        Lang::En => format!("{when}: {what}."),
    }
}
