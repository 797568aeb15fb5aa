//! Pattern rules: everything with a shape. Each rule is one linear-time regex, an optional
//! capture group that is the identifier itself (the keyword around it is not), and an optional
//! check that looks at the neighbourhood to turn away look-alikes (`120/80`, `CPT 90832`).

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{MONTH_ABBREVIATIONS, MONTHS, in_list};
use super::text::fold;
use super::{Category, Hit, Severity};

/// What a check sees: the whole text and the span the rule matched.
pub(crate) struct Span<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

impl<'a> Span<'a> {
    fn get(&self) -> &'a str {
        &self.text[self.start..self.end]
    }

    /// Up to `n` bytes before the span, lower-cased.
    fn before(&self, n: usize) -> String {
        let mut from = self.start.saturating_sub(n);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        self.text[from..self.start].to_ascii_lowercase()
    }

    /// Up to `n` bytes after the span, lower-cased.
    fn after(&self, n: usize) -> String {
        let mut to = (self.end + n).min(self.text.len());
        while !self.text.is_char_boundary(to) {
            to -= 1;
        }
        self.text[self.end..to].to_ascii_lowercase()
    }

    /// The word right after the span, lower-cased.
    fn next_word(&self) -> String {
        self.after(24)
            .trim_start_matches([' ', ',', '\t'])
            .split(|c: char| !c.is_alphanumeric() && c != '%')
            .next()
            .unwrap_or("")
            .to_owned()
    }

    /// The word right before the span, lower-cased.
    fn prev_word(&self) -> String {
        self.before(24)
            .trim_end_matches([' ', ',', '\t', '#', ':'])
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_owned()
    }
}

type Check = fn(&mut Span<'_>) -> Option<Severity>;

struct Rule {
    regex: Regex,
    /// Capture group holding the identifier (0: the whole match).
    group: usize,
    category: Category,
    severity: Severity,
    reason: &'static str,
    priority: u8,
    check: Option<Check>,
}

struct Spec {
    pattern: &'static str,
    group: usize,
    category: Category,
    severity: Severity,
    reason: &'static str,
    priority: u8,
    check: Option<Check>,
}

const fn spec(
    pattern: &'static str,
    category: Category,
    severity: Severity,
    reason: &'static str,
    priority: u8,
) -> Spec {
    Spec {
        pattern,
        group: 0,
        category,
        severity,
        reason,
        priority,
        check: None,
    }
}

impl Spec {
    const fn group(mut self, group: usize) -> Spec {
        self.group = group;
        self
    }
    const fn check(mut self, check: Check) -> Spec {
        self.check = Some(check);
        self
    }
}

use Category as C;
use Severity::{Block, Warn};

const MONTH_NAMES: &str = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";

// Codes after a keyword: the code must hold a digit (checked) and may hold letters and dashes.
const CODE: &str = r"(?:\s{0,8}(?:(?:number|no\.|num|nr|id|code)(?-u:\b)|#)[^.\n0-9]{0,40}?|[\s,]{0,64}(?:is|was|:|#|=|-)?[\s,]{0,64}#?\s{0,8})([A-Za-z]{0,6}[0-9][A-Za-z0-9-]{2,40}[A-Za-z0-9]|[A-Za-z]{1,4}[-\s]?[0-9]{4,40}[A-Za-z0-9]{0,64})(?-u:\b)";

fn specs() -> Vec<Spec> {
    let keyed = |keywords: &str| format!(r"(?i)(?-u:\b)(?:{keywords})(?-u:\b){CODE}");
    let leaked = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    vec![
        // Contact details and addresses on the web.
        spec(r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,64}(?:\.[A-Za-z0-9-]{1,64}){0,8}\.[A-Za-z]{2,40}", C::Email, Block,
            "An email address leads straight to its owner.", 90),
        spec(r"(?i)(?-u:\b)(?:https?://|www\.)[^\s<>()\[\]{}]{1,64}", C::Url, Block,
            "A web address can lead to the person or a page about them.", 85)
            .check(trim_url),
        spec(r"(?i)(?-u:\b)[a-z0-9][a-z0-9-]{0,64}(?:\.[a-z0-9-]{1,64}){0,8}\.(?:com|org|net|edu|gov|io|co|uk|ca|au|nz|ie|me|info|ly|app|us|tv|biz|site|online|page|link|blog|social)(?-u:\b)(?:/[^\s<>()\[\]{}]{0,64})?", C::Url, Block,
            "A web address can lead to the person or a page about them.", 84)
            .check(trim_url),
        spec(r"(?:^|[\s(\[])(@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}[A-Za-z0-9_])", C::SocialHandle, Block,
            "A social-media handle leads straight to its owner.", 80).group(1),
        spec(r"(?-u:\b)[A-Za-z][A-Za-z0-9_.]{1,31}#[0-9]{4}(?-u:\b)", C::SocialHandle, Block,
            "A gaming or chat tag leads straight to its owner.", 80),
        spec(r"(?i)(?-u:\b)(u/[a-z0-9_-]{3,21})(?-u:\b)", C::SocialHandle, Block,
            "A social-media user name leads straight to its owner.", 80).group(1),
        spec(r#"(?i)(?-u:\b)(?:username|user name|handle|gamertag|screen name|account name|profile|alias|goes by)[\s,]{0,64}(?:is|was|:)?[\s,]{0,64}["“']?([a-z0-9_.]{3,30}(?:#[0-9]{4})?)"#, C::SocialHandle, Block,
            "A user name leads straight to its owner.", 78).group(1).check(has_digit_or_underscore),
        // Network addresses.
        spec(r"(?-u:\b)(?:[0-9]{1,3}\.){3}[0-9]{1,3}(?-u:\b)", C::IpAddress, Block,
            "An IP address can be traced to a household.", 88).check(ipv4),
        spec(r"(?i)(?:(?-u:\b)[0-9a-f]{1,4})?(?::[0-9a-f]{0,4}){2,7}(?::[0-9a-f]{1,4}(?-u:\b))?", C::IpAddress, Block,
            "An IP address can be traced to a household.", 88).check(ipv6),
        // Numbers that identify.
        spec(r"(?-u:\b)[0-9]{3}([- ])[0-9]{2}([- ])[0-9]{4}(?-u:\b)", C::Ssn, Block,
            "A social security number identifies one person.", 92).check(same_separators),
        spec(r"(?i)(?-u:\b)(?:ssn|ss#|social security(?: number| no\.?| #)?|social)(?-u:\b)[^.\n0-9]{0,40}?([0-9]{3}-?[0-9]{2}-?[0-9]{4}|[0-9]{4})(?-u:\b)", C::Ssn, Block,
            "Even part of a social security number narrows it to one person.", 93).group(1),
        spec(r"(?i)(?-u:\b)(?:last|final) (?:4|four)(?: digits)?(?-u:\b)[^.\n0-9]{0,40}?([0-9]{4})(?-u:\b)", C::Ssn, Block,
            "Even part of a social security number narrows it to one person.", 91).group(1).check(last_four),
        spec(r"(?i)(?-u:\b)ending (?:in|with) ([0-9]{4})(?-u:\b)", C::Account, Block,
            "The last digits of a card or account number narrow it to one person.", 70).group(1).check(ending_in),
        // Phone and fax numbers.
        spec(r"(?:\+?1[\s.-]?)?(?:\([0-9]{3}\)\s?|(?-u:\b)[0-9]{3}[\s.-])[0-9]{3}[\s.-][0-9]{4}(?-u:\b)(?:\s{0,8}(?:ext\.?|x|extension)\s{0,8}[0-9]{1,6})?", C::Phone, Block,
            "A phone number leads straight to a person or household.", 89),
        spec(r"\+[0-9]{1,3}[\s.-]?(?:\(0\)\s?)?[0-9]{1,5}(?:[\s.-][0-9]{2,5}){1,4}(?:\s{0,8}(?:ext\.?|x)\s{0,8}[0-9]{1,6})?", C::Phone, Block,
            "A phone number leads straight to a person or household.", 89).check(phone_digits),
        spec(r"(?-u:\b)0[0-9]{2,4}[\s-]?[0-9]{3,4}[\s-]?[0-9]{3,4}(?-u:\b)", C::Phone, Block,
            "A phone number leads straight to a person or household.", 87).check(phone_digits),
        spec(r"(?-u:\b)[0-9]{3}-[0-9]{4}(?-u:\b)", C::Phone, Block,
            "A phone number leads straight to a person or household.", 60),
        spec(r"(?i)(?-u:\b)(?:phone|tel|telephone|cell|mobile|fax|call|text|ph|landline|pager|whatsapp)(?-u:\b)[\s.:#]{0,64}(?:number|no\.?|is|was|on|at|me on)?[\s:]{0,64}([+(]?[0-9][0-9\s().-]{5,40}[0-9])", C::Phone, Block,
            "A phone number leads straight to a person or household.", 86).group(1).check(phone_digits),
        // Keyed numbers: the keyword says what kind of number it is.
        Spec { pattern: leaked(keyed("mrn|medical record(?:s)?|record|chart|patient id|patient number|hospital number|nhs number|chi number|health card|unit number")), group: 1, category: C::MedicalRecord, severity: Block,
            reason: "A medical record number identifies one patient.", priority: 76, check: Some(code) },
        Spec { pattern: leaked(keyed("medicaid|medicare|medi-cal|member|membership|policy|insurance|insurer|health plan|plan|subscriber|beneficiary|mbi|blue cross|aetna|cigna|tricare|hmo|ppo|group")), group: 1, category: C::HealthPlan, severity: Block,
            reason: "A health plan or member number identifies one person.", priority: 75, check: Some(code) },
        Spec { pattern: leaked(keyed("account|acct|a/c|iban|sort code|routing|credit card|debit card|card|bank")), group: 1, category: C::Account, severity: Block,
            reason: "An account number identifies one person.", priority: 74, check: Some(code) },
        Spec { pattern: leaked(keyed(r"licen[cs]e|certificate|cert|permit|npi|dea|passport|driver'?s licen[cs]e|dl|registration")), group: 1, category: C::Licence, severity: Block,
            reason: "A licence or certificate number identifies one person.", priority: 73, check: Some(code) },
        Spec { pattern: r"(?i)(?-u:\b)(?:vin|number plate|licen[cs]e plate|plates?|reg(?:istration)? plate|tags?)(?-u:\b)(?:\s{0,8}(?:number|no\.?|#))?[\s,]{0,64}(?:is|was|of|:|#|reads|read)?[\s,]{0,64}([A-Z0-9]{1,4}[ -]?[A-Z0-9]{2,13})(?-u:\b)", group: 1, category: C::Vehicle, severity: Block,
            reason: "A licence plate or vehicle number leads to the owner.", priority: 79, check: Some(code) },
        spec(r"(?-u:\b)[A-Z]{2}[0-9]{2}\s?[A-Z]{3}(?-u:\b)", C::Vehicle, Block,
            "A licence plate leads to the owner.", 77),
        spec(r"(?-u:\b)[A-HJ-NPR-Z0-9]{17}(?-u:\b)", C::Vehicle, Block,
            "A vehicle identification number leads to the owner.", 77).check(vin),
        Spec { pattern: leaked(keyed("serial|s/n|sn|imei|device id|device|mac address|udid|pacemaker|pump|implant|hearing aid|monitor|tag id")), group: 1, category: C::Device, severity: Block,
            reason: "A device serial number leads to the person who carries it.", priority: 74, check: Some(code) },
        Spec { pattern: leaked(keyed("case|claim|docket|file|reference|ref|student|employee|staff|payroll|inmate|prisoner|booking|offender|ticket|incident|report|id|identification|badge|warrant|court|matter|cause|application|referral")), group: 1, category: C::OtherNumber, severity: Block,
            reason: "A case, claim or ID number identifies one person.", priority: 72, check: Some(code) },
        spec(r"(?-u:\b)[0-9]{15}(?-u:\b)", C::Device, Warn,
            "A fifteen-digit number looks like a phone's device identifier (IMEI).", 40),
        spec(r"(?-u:\b)[A-Z]{1,4}-?[0-9]{4,40}[A-Z0-9-]{0,64}(?-u:\b)|(?-u:\b)[0-9]{2,40}[A-Z]{1,3}[0-9]{2,40}[A-Z0-9]{0,64}(?-u:\b)", C::OtherNumber, Warn,
            "A code like this is usually unique to one person or record.", 35).check(code),
        spec(r"(?-u:\b)[0-9]{6,40}(?-u:\b)", C::OtherNumber, Warn,
            "A long number like this is usually unique to one person or record.", 30).check(long_number),
        // Places.
        spec(r"(?-u:\b)[0-9]{1,5}[A-Za-z]?\s{1,8}(?:[A-Z][A-Za-z'’.-]{1,64}\s{1,8}){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl|Terrace|Close|Crescent|Circle|Parkway|Pkwy|Highway|Hwy|Row|Grove|Gardens|Square|Mews|Walk|Trail|Pike|Loop|Parade|Esplanade|Promenade|Rise|Vale|Quay|Wharf|Wynd|Chase|View|Green|Hill|Heights)(?-u:\b)\.?", C::Location, Block,
            "A street address leads straight to a home.", 82),
        spec(r"(?i:(?-u:\b)(?:apt|apartment|unit|suite|ste|flat|lot)(?-u:\b))\.?\s?#?\s?([0-9]{1,5}[A-Za-z]?|[A-Z][0-9]{0,3})(?-u:\b)", C::Location, Block,
            "An apartment or unit number narrows an address to one home.", 81).check(unit),
        spec(r"(?i)(?-u:\b)p\.?\s?o\.?\s{1,8}box\s{1,8}[0-9]{1,64}", C::Location, Block,
            "A post office box leads to its holder.", 81),
        spec(r"(?i)(?-u:\b)(?:zip(?:\s{0,8}code)?|postcode|postal code|post code)(?-u:\b)[\s:#]{0,64}(?:is|was)?\s{0,8}([A-Z0-9]{2,5}(?:[ -][A-Z0-9]{3,4})?)(?-u:\b)", C::Location, Block,
            "A ZIP or postcode narrows where someone lives to a few streets.", 83).group(1).check(has_digit),
        spec(r"(?-u:\b)(?:[A-Z]{2}),?\s{1,8}([0-9]{5}(?:-[0-9]{4})?)(?-u:\b)", C::Location, Block,
            "A ZIP code narrows where someone lives to a few streets.", 83).group(1),
        spec(r"(?-u:\b)[0-9]{5}-[0-9]{4}(?-u:\b)", C::Location, Block,
            "A ZIP code narrows where someone lives to a few streets.", 82),
        spec(r"(?-u:\b)[0-9]{5}(?-u:\b)", C::Location, Warn,
            "A five-digit number may be a ZIP code.", 25).check(bare_zip),
        spec(r"(?-u:\b)[A-Z]{1,2}[0-9][A-Z0-9]?\s?[0-9][A-Z]{2}(?-u:\b)", C::Location, Block,
            "A postcode narrows where someone lives to a few streets.", 83),
        spec(r"(?-u:\b)[ABCEGHJ-NPRSTVXY][0-9][A-Z]\s?[0-9][A-Z][0-9](?-u:\b)", C::Location, Block,
            "A postal code narrows where someone lives to a few streets.", 83),
        spec(r"(?-u:\b)(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)\s{1,8}([0-9]{4})(?-u:\b)", C::Location, Block,
            "A postcode narrows where someone lives to a few streets.", 83).group(1),
        spec(r"(?-u:\b)(?:Route|Rte|Highway|Hwy|Interstate|State Road|SR|County Road|CR|US)[ -]?[0-9]{1,3}[A-Z]?(?-u:\b)|(?-u:\b)I-[0-9]{1,3}(?-u:\b)|(?-u:\b)[AM][0-9]{1,4}(?-u:\b)", C::Location, Warn,
            "A named road places the story somewhere specific.", 45).check(road),
        // Dates.
        spec(r"(?-u:\b)(?:19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}(?-u:\b)", C::Date, Block,
            "A full date can be matched against records.", 70).check(iso_date),
        spec(r"(?-u:\b)[0-9]{1,2}[/.-][0-9]{1,2}[/.-](?:[0-9]{4}|[0-9]{2})(?-u:\b)", C::Date, Block,
            "A full date can be matched against records.", 70).check(numeric_date),
        spec(r"(?-u:\b)[0-9]{1,2}/[0-9]{1,2}(?-u:\b)", C::Date, Block,
            "A day and month date the event.", 55).check(short_date),
        Spec { pattern: leaked(format!(r"(?i)(?-u:\b)(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s{{1,8}})?(?:(?:the\s{{1,8}})?[0-9]{{1,2}}(?:st|nd|rd|th)?\s{{1,8}}(?:of\s{{1,8}})?)?(?:{MONTH_NAMES})(?-u:\b)\.?(?:\s{{1,8}}[0-9]{{1,2}}(?:st|nd|rd|th)?(?-u:\b))?(?:,?\s{{1,8}}(?:19|20)[0-9]{{2}}(?-u:\b))?")),
            group: 0, category: C::Date, severity: Block,
            reason: "A month or a day of the month dates the event, and dates can be matched against records.", priority: 65, check: Some(written_date) },
        spec(r"(?i)(?-u:\b)(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s{1,8}(?:the\s{1,8})?[0-9]{1,2}(?:st|nd|rd|th)(?-u:\b)", C::Date, Block,
            "A weekday and a day of the month pin down one date.", 66),
        spec(r"(?i)(?-u:\b)the\s{1,8}[0-9]{1,2}(?:st|nd|rd|th)(?-u:\b)", C::Date, Warn,
            "A day of the month dates the event.", 40).check(ordinal_day),
        spec(r"(?i)(?-u:\b)(?:on|before|after|since|around|near|for|the day of|the week of|the weekend of)\s{1,8}(?:his|her|their|my|the client's|the child's)\s{1,8}(?:[0-9]{1,3}(?:st|nd|rd|th)\s{1,8})?birthday(?-u:\b)", C::Date, Warn,
            "A birthday is a date element, and dates can be matched against records.", 50),
        spec(r"(?i)(?-u:\b)(?:the|last|that|this|on|since|over|at|before|after|around|until|by|during|every)\s{1,8}((?:christmas|xmas|thanksgiving|easter|hanukkah|chanukah|diwali|passover|halloween|hogmanay|kwanzaa|boxing day|new year'?s|valentine'?s day|mother'?s day|father'?s day|memorial day|labou?r day|independence day|fourth of july|july 4th|canada day|anzac day|australia day|bonfire night|guy fawkes|st\.? patrick'?s day|yom kippur|rosh hashanah|good friday|juneteenth|veterans day|remembrance day|lunar new year|chinese new year|nowruz|super bowl sunday)(?:\s{1,8}(?:eve|day|weekend|morning|night|break|holidays?|dinner|party))?)(?-u:\b)", C::Date, Warn,
            "A holiday tied to an event dates it.", 48).group(1).check(holiday),
        spec(r"(?i)(?-u:\b)(?:admitted|discharged|born|died|arrested|released|sectioned|hospitali[sz]ed|married|divorced|evicted|buried)\s{1,8}(?:on\s{1,8}|last\s{1,8}|this\s{1,8}|that\s{1,8})?((?:mon|tues|wednes|thurs|fri|satur|sun)day)(?-u:\b)", C::Date, Warn,
            "An admission, discharge or other event day dates the story.", 47).group(1),
        // Ages over 89.
        spec(r"(?i)(?-u:\b)(9[0-9]|1[01][0-9])(?:[\s-]{0,64}(?:years?|yrs?)(?:[\s-]{0,64}old)?|\s{0,8}y/?o(?-u:\b)|\s{0,8}y\.o\.)", C::Age, Block,
            "Ages over 89 are rare enough to identify someone.", 88).check(age_not_unit),
        spec(r"(?i)(?-u:\b)(?:aged?|age of|turned|turning|is now|who is|she is|he is|they are|she's|he's|at age|(?:resident|patient|client|woman|man|lady|gentleman|widow|widower|grand(?:mother|father|ma|pa)|mother|father|mum|mom|dad|nan|gran|veteran) (?:is|was|turned|turns))\s{1,8}(9[0-9]|1[01][0-9])(?-u:\b)", C::Age, Block,
            "Ages over 89 are rare enough to identify someone.", 88).group(1).check(age_not_unit),
        spec(r"(?i)(?-u:\b)(?:his|her|their|my)\s{1,8}(?:early\s{1,8}|mid[\s-]{0,64}|late\s{1,8})?(?:90s|90's|nineties|hundreds|100s)(?-u:\b)", C::Age, Block,
            "Ages over 89 are rare enough to identify someone.", 88),
        spec(r"(?-u:\b)(9[0-9]|1[01][0-9])\s?(?:M|F|yo)(?-u:\b)|(?i:(?-u:\b)centenarian(?-u:\b))", C::Age, Block,
            "Ages over 89 are rare enough to identify someone.", 88),
        spec(r"(?i)(?-u:\b)(9[0-9]|1[01][0-9])(?:st|nd|rd|th)\s{1,8}birthday(?-u:\b)", C::Age, Block,
            "Ages over 89 are rare enough to identify someone.", 88),
        // Initials: "J.M.", "J. M.".
        spec(r"(?-u:\b)[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?", C::Name, Block,
            "Initials can be enough for someone who knows the client.", 62).check(initials),
        // Images and attachments.
        spec(r"!\[[^\]\n]{0,64}\]\([^)\n]{0,64}\)|(?i:<img(?-u:\b)[^>]{0,64}>)", C::Image, Block,
            "Images can show a face, a home or a document; they are never published without review.", 95),
        spec(r"(?i)(?-u:\b)(?:attached|attaching|attach|enclosed|enclosing|uploaded|uploading|upload|sharing|shared)(?-u:\b)[^.\n]{0,40}?(?-u:\b)(?:photos?|photographs?|pictures?|pics?|images?|scans?|drawings?|screenshots?|files?|documents?|x-rays?|videos?|recordings?|selfies?|letters?|artwork|painting|journal pages?)(?-u:\b)", C::Image, Block,
            "An attachment can show a face, handwriting or a document.", 94),
        spec(r"(?i)(?-u:\b)(?:photos?|photographs?|pictures?|pics?|images?|scans?|drawings?|screenshots?|x-rays?|videos?|recordings?|selfies?|artwork)(?-u:\b)[^.\n]{0,30}?(?-u:\b)(?:attached|enclosed|below|uploaded)(?-u:\b)", C::Image, Block,
            "An attachment can show a face, handwriting or a document.", 94),
        // Biometrics.
        spec(r"(?i)(?-u:\b)(?:fingerprints?|finger-prints?|thumbprints?|voice ?prints?|retina(?:l)? scans?|iris scans?|facial (?:recognition|scan|geometry)|face id|palm ?prints?|palm[\s-]?veins?(?: (?:template|scan|pattern))?|vein (?:pattern|template|scan)|(?:voice|face|fingerprint|iris) templates?|dna (?:profile|sample|test|results?|match)|genetic (?:profile|test results?)|biometric[a-z]{0,64})(?-u:\b)(?:[^.\n]{0,30}?(?-u:\b)[A-Z]{0,4}-?[0-9][A-Z0-9-]{3,40})?", C::Biometric, Warn,
            "Biometric records identify one person.", 58),
        // Rare occupations.
        spec(r"(?i)(?-u:\b)(?:the|a|former|retired) (?:principal|lead|chief|head|star|first|only|sole|founding|longtime) [a-z]{1,64} (?:of|for|at|with|in) (?:the |our |a )?(?:[a-z]{1,64} ){0,2}(?:symphony|orchestra|ballet|opera|philharmonic|team|club|band|choir|company|theatre|theater|newspaper|paper|station|league|cathedral|parliament|senate|legislature|council)(?-u:\b)", C::Occupation, Warn,
            "A one-of-a-kind role points to one person.", 52),
        spec(r"(?i)(?-u:\b)the (?:only|sole|one|first|last) [a-z][a-z' -]{2,40}? (?:in|at|on|for|within|of) (?:the |our |their |his |her |a )?(?:town|village|city|county|area|region|valley|island|community|district|parish|practice|school|hospital|state|country|province|team|league|force|department|unit|port|harbour|harbor|airport|base|prison|mine|plant|factory|fleet|station|firm|company|orchestra|club|congregation|diocese|building|street|estate)(?-u:\b)", C::Occupation, Warn,
            "A one-of-a-kind role points to one person.", 52),
        spec(r"(?i)(?-u:\b)the (?:town|village|city|county|island|community|parish|local|area|district)['’]s (?:only |sole |first |one |new |former |longtime |long-serving )?[a-z][a-z-]{1,64}(?: [a-z][a-z-]{1,64})?", C::Occupation, Warn,
            "A role held by one person in a community points to that person.", 51).check(role_noun),
        spec(r"(?i)(?-u:\b)(?:an? |the |former |retired |ex-)?(?:olympic|olympian|paralympic|premier league|nfl|nba|mlb|nhl|wnba|mls|grammy|oscar|emmy|pulitzer|nobel|world champion|national champion|state champion)[\s-]{1,64}(?:[a-z-]{1,64}\s){0,2}(?:[a-z]{1,64}(?:er|ist|ian|or|ee|ant|ent)|athlete|champion|medallist|medalist|winner|player|star|laureate|nominee|coach|gymnast|boxer)s?(?-u:\b)", C::Occupation, Warn,
            "A public role like this points to one person.", 52),
        spec(r"(?i)(?-u:\b)(?:the|a|an|our)\s{1,8}(?:local|well-known|famous|prominent|celebrity|tv|television|radio|news)\s{1,8}(?:[a-z-]{1,64}\s){0,2}(?:celebrity|politician|news anchor|anchor|presenter|broadcaster|influencer|youtuber|tiktoker|streamer|author|novelist|musician|singer|actor|actress|athlete|footballer|businessman|businesswoman|surgeon|judge|pastor|personality|figure|chef|host|weatherman|weather presenter|reporter|journalist)(?-u:\b)", C::Occupation, Warn,
            "A public role like this points to one person.", 50),
        spec(r"(?i)(?-u:\b)(?:the )?(?:mayor|sheriff|coroner|police chief|fire chief|district attorney|headteacher|head teacher|superintendent|senator|congressman|congresswoman|state representative|councillor|councilman|councilwoman|alderman|bishop|archbishop|chief constable|chief of police|high sheriff|lord mayor) of(?-u:\b)", C::Occupation, Warn,
            "A public office held by one person points to that person.", 51),
        // Newsworthy events.
        Spec { pattern: r"(?-u:\b)(?:[Tt]he|[Tt]hat)\s{1,8}(?:(?:[A-Z0-9][\w'’.-]{0,20}|of|on|at|and)\s{1,8}){1,5}(?:[a-z]{1,20}\s{1,8})?(?i:bridge collapse|collapse|fire|blaze|floods?|shooting|explosion|crash|derailment|bombing|attack|riots?|tornado|earthquake|hurricane|storm|stabbing|scandal|massacre|siege|spill|outbreak|pile-?up|murders?|kidnapping|abduction|disaster|tragedy|blast|evacuation|layoffs|closure|verdict|trial)(?-u:\b)",
            group: 0, category: C::Event, severity: Warn,
            reason: "A newsworthy event ties the story to a time and place anyone can look up.", priority: 56, check: Some(event_name) },
        Spec { pattern: r"(?i:(?-u:\b)the\s{1,8}(?:[a-z]{1,20}\s{1,8})?(?:bridge collapse|collapse|fire|blaze|flood|shooting|explosion|crash|derailment|bombing|stabbing|spill|siege|pile-?up|attack|riot)\s{1,8}(?:on|at|in|near|outside)\s{1,8})(?:the\s{1,8})?[A-Z][\w'’.-]{0,20}(?:\s{1,8}[A-Z0-9][\w'’.-]{0,20}){0,3}",
            group: 0, category: C::Event, severity: Warn,
            reason: "A newsworthy event ties the story to a time and place anyone can look up.", priority: 57, check: None },
        spec(r"(?i)(?-u:\b)(?:won|winning|wins|hit)\s{1,8}(?:the\s{1,8})?(?:a\s{1,8})?(?:state\s{1,8}|national\s{1,8}|euromillions\s{1,8}|powerball\s{1,8}|mega millions\s{1,8}|big\s{1,8})?(?:lottery|jackpot|powerball)(?-u:\b)|(?-u:\b)(?:made|was in|was on|hit|appeared (?:in|on)|featured (?:in|on)|all over)\s{1,8}(?:the\s{1,8})?(?:local\s{1,8}|national\s{1,8}|evening\s{1,8}|front page of the\s{1,8})?(?:news|headlines|papers|front page)(?-u:\b)|(?-u:\b)went viral(?-u:\b)|(?-u:\b)(?:covered|reported)\s{1,8}(?:by|in|on)\s{1,8}(?:the\s{1,8})?(?:local\s{1,8}|national\s{1,8})?(?:news|press|papers|media)(?-u:\b)", C::Event, Warn,
            "Something that made the news can be looked up, and with it the person.", 55),
    ]
}

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    specs()
        .into_iter()
        .filter_map(|s| {
            regex::RegexBuilder::new(s.pattern)
                .size_limit(64 << 20)
                .build()
                .ok()
                .map(|regex| Rule {
                    regex,
                    group: s.group,
                    category: s.category,
                    severity: s.severity,
                    reason: s.reason,
                    priority: s.priority,
                    check: s.check,
                })
        })
        .collect()
});

/// Every rule's matches in `text`.
pub(crate) fn find(text: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    match CANDIDATES.as_ref() {
        Some(candidates) => {
            for (a, b) in windows(text, candidates) {
                // Only the rules that match somewhere in this window run with their groups.
                match SET.as_ref() {
                    Some(set) => {
                        for i in set.matches(&text[a..b]).iter() {
                            apply(&RULES[i], text, a, b, &mut hits);
                        }
                    }
                    None => {
                        for rule in RULES.iter() {
                            apply(rule, text, a, b, &mut hits);
                        }
                    }
                }
            }
        }
        None => {
            for rule in RULES.iter() {
                apply(rule, text, 0, text.len(), &mut hits);
            }
        }
    }
    hits
}

/// Every rule in one automaton, used only to find *where* some rule matches: one linear pass
/// instead of one per rule. The rules then run, with their groups and checks, only in a window
/// around each candidate. A window reaches far enough past a candidate that a rule whose match
/// starts inside another's (leftmost-first hides it from this pass) is still found.
static CANDIDATES: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let union = specs()
        .iter()
        .map(|s| format!("(?:{})", s.pattern))
        .collect::<Vec<_>>()
        .join("|");
    regex::RegexBuilder::new(&union)
        .size_limit(256 << 20)
        .dfa_size_limit(64 << 20)
        .build()
        .ok()
});

static SET: LazyLock<Option<regex::RegexSet>> = LazyLock::new(|| {
    regex::RegexSetBuilder::new(RULES.iter().map(|r| r.regex.as_str()))
        .size_limit(256 << 20)
        .dfa_size_limit(64 << 20)
        .build()
        .ok()
});

const WINDOW_BEFORE: usize = 24;
const WINDOW_AFTER: usize = 128;

/// Merged, non-overlapping windows around candidates, starting and ending at whitespace so that
/// word boundaries inside them mean what they mean in the whole text.
fn windows(text: &str, candidates: &Regex) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for m in candidates.find_iter(text) {
        let a = to_space_before(text, m.start().saturating_sub(WINDOW_BEFORE));
        let b = to_space_after(text, (m.end() + WINDOW_AFTER).min(text.len()));
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// Back to the nearest whitespace, at most 64 bytes, so that text without spaces ("1/1/1/…")
/// cannot make every window walk back to the start.
fn to_space_before(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let floor = at.saturating_sub(64);
    let mut i = at;
    while i > floor && !bytes[i - 1].is_ascii_whitespace() {
        i -= 1;
    }
    if i > floor || floor == 0 {
        i
    } else {
        char_floor(text, at)
    }
}

fn to_space_after(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let ceiling = (at + 64).min(text.len());
    let mut i = at;
    while i < ceiling && !bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    if i < ceiling || ceiling == text.len() {
        i
    } else {
        char_ceil(text, at)
    }
}

fn char_floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn char_ceil(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

fn apply(rule: &Rule, text: &str, a: usize, b: usize, hits: &mut Vec<Hit>) {
    for caps in rule.regex.captures_iter(&text[a..b]) {
        let Some(m) = caps.get(rule.group) else {
            continue;
        };
        let mut span = Span {
            text,
            start: a + m.start(),
            end: a + m.end(),
        };
        let severity = match rule.check {
            Some(check) => match check(&mut span) {
                Some(s) => s,
                None => continue,
            },
            None => rule.severity,
        };
        hits.push(Hit {
            start: span.start,
            end: span.end,
            category: rule.category,
            severity,
            reason: rule.reason,
            priority: rule.priority,
        });
    }
}

/// How many rules compiled (all of them; a test holds it), and whether their union did.
#[cfg(test)]
pub(crate) fn compiled() -> (usize, usize, bool) {
    (RULES.len(), specs().len(), CANDIDATES.is_some())
}

// ---- Checks: each returns the severity to report, or None for a look-alike. ----

fn trim_url(s: &mut Span<'_>) -> Option<Severity> {
    // Sentence punctuation after an address is not part of it.
    // Character by character: "’" is three bytes.
    while let Some(c) = s.text[s.start..s.end].chars().next_back().filter(|c| {
        matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '*' | '_' | '’' | '”'
        )
    }) {
        s.end -= c.len_utf8();
    }
    let t = s.get();
    // File names and abbreviations ("notes.co", "e.g.") are not addresses unless there is a scheme,
    // "www" or a path.
    if t.contains("..") {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    if lower.ends_with(".co") && !lower.contains('/') {
        return None;
    }
    Some(Block)
}

fn has_digit(s: &mut Span<'_>) -> Option<Severity> {
    s.get().bytes().any(|b| b.is_ascii_digit()).then_some(Block)
}

/// User names look made up: a digit, an underscore, a dot, or capitals inside ("xXDarkPhoenixXx").
fn has_digit_or_underscore(s: &mut Span<'_>) -> Option<Severity> {
    let t = s.get();
    let marked = t
        .bytes()
        .any(|b| b.is_ascii_digit() || b == b'_' || b == b'.' || b == b'#');
    let inner_capital = t.bytes().skip(1).any(|b| b.is_ascii_uppercase())
        && t.bytes().any(|b| b.is_ascii_lowercase());
    (marked || inner_capital).then_some(Block)
}

fn ipv4(s: &mut Span<'_>) -> Option<Severity> {
    let ok = s
        .get()
        .split('.')
        .all(|o| o.parse::<u16>().is_ok_and(|v| v <= 255));
    // "1.2.3.4" in a version string is not an address.
    let version = matches!(
        s.prev_word().as_str(),
        "version" | "v" | "ios" | "android" | "build"
    );
    (ok && !version).then_some(Block)
}

fn ipv6(s: &mut Span<'_>) -> Option<Severity> {
    let t = s.get();
    let groups = t.split(':').filter(|g| !g.is_empty()).count();
    let hex_letter = t.bytes().any(|b| b.is_ascii_alphabetic());
    let full = t.split(':').count() == 8 && groups == 8;
    ((t.contains("::") && groups >= 2 && (hex_letter || groups >= 3)) || full).then_some(Block)
}

fn same_separators(s: &mut Span<'_>) -> Option<Severity> {
    let t = s.get().as_bytes();
    (t.get(3) == t.get(6)).then_some(Block)
}

fn last_four(s: &mut Span<'_>) -> Option<Severity> {
    let before = s.before(80);
    (before.contains("ssn") || before.contains("social")).then_some(Block)
}

fn ending_in(s: &mut Span<'_>) -> Option<Severity> {
    let before = s.before(60);
    // "SSN ending in 4421" is the SSN rule's; here: cards and accounts.
    (!before.contains("ssn") && !before.contains("social")).then_some(Block)
}

fn phone_digits(s: &mut Span<'_>) -> Option<Severity> {
    let digits = s.get().bytes().filter(u8::is_ascii_digit).count();
    (8..=15).contains(&digits).then_some(Block)
}

/// A keyed code must look like a code: a digit, four or more characters, and not a year, a
/// measurement or a clinical code.
fn code(s: &mut Span<'_>) -> Option<Severity> {
    let t = s.get();
    let digits = t.bytes().filter(u8::is_ascii_digit).count();
    if digits < 2 || t.len() < 4 {
        return None;
    }
    // "3-session", "12-week": a count, not a code.
    if t.split('-').any(|p| {
        is_unit(&p.to_ascii_lowercase())
            || p.eq_ignore_ascii_case("year")
            || p.eq_ignore_ascii_case("old")
    }) {
        return None;
    }
    if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        let year = t.starts_with("19") || t.starts_with("20");
        if year {
            return None;
        }
    }
    let upper = t.to_ascii_uppercase();
    // Instruments, manuals and diagnosis codes: PHQ-9, DSM-5, ICD-10, F41.0, COVID-19.
    const CLINICAL_PREFIXES: &[&str] = &[
        "PHQ", "GAD", "DSM", "ICD", "PCL", "CAPS", "DASS", "BDI", "COVID", "WISC", "WAIS", "ADOS",
        "CORE", "HAM", "MADRS", "AUDIT", "DAST", "K10", "K6", "EQ", "SF", "CPT",
    ];
    if CLINICAL_PREFIXES.iter().any(|p| upper.starts_with(p)) {
        return None;
    }
    let next = s.next_word();
    if is_unit(&next) {
        return None;
    }
    Some(Block)
}

fn long_number(s: &mut Span<'_>) -> Option<Severity> {
    let prev = s.before(2);
    if prev.ends_with('$') || prev.ends_with('£') || prev.ends_with('€') || prev.ends_with(',') {
        return None;
    }
    (!is_unit(&s.next_word())).then_some(Warn)
}

fn vin(s: &mut Span<'_>) -> Option<Severity> {
    let t = s.get();
    let digits = t.bytes().filter(u8::is_ascii_digit).count();
    (2..17).contains(&digits).then_some(Block)
}

fn unit(s: &mut Span<'_>) -> Option<Severity> {
    // "unit 3" of a hospital, "lot 4" of a sale: flagged, but only as a warning, unless it reads
    // like a home.
    let before = s.before(30);
    let home = ["apt", "apartment", "flat", "suite"]
        .iter()
        .any(|w| before.contains(w));
    if s.get() == "I" || s.get() == "A" {
        return None;
    }
    Some(if home || before.contains("unit") {
        Block
    } else {
        Warn
    })
}

fn bare_zip(s: &mut Span<'_>) -> Option<Severity> {
    let n: u32 = s.get().parse().ok()?;
    let prev = s.prev_word();
    let before = s.before(2);
    if before.ends_with('$')
        || before.ends_with('£')
        || before.ends_with(',')
        || before.ends_with('.')
    {
        return None;
    }
    // Psychotherapy billing codes (CPT 90785–90899) and other CPT/HCPCS ranges.
    let billing = (90785..=90899).contains(&n)
        || (96101..=96171).contains(&n)
        || (99201..=99499).contains(&n);
    if billing
        || matches!(
            prev.as_str(),
            "cpt" | "code" | "codes" | "billed" | "billing" | "hcpcs"
        )
    {
        return None;
    }
    if is_unit(&s.next_word()) {
        return None;
    }
    Some(Warn)
}

fn road(s: &mut Span<'_>) -> Option<Severity> {
    let t = s.get();
    // "A4 paper", "M1" alone are too weak: only when a road word is near.
    if t.starts_with('A') || t.starts_with('M') {
        let after = s.after(12);
        let before = s.before(12);
        let roadish = [
            "road",
            "motorway",
            "junction",
            "roundabout",
            "near the",
            "off the",
            "on the",
        ]
        .iter()
        .any(|w| after.contains(w) || before.contains(w));
        return roadish.then_some(Warn);
    }
    if t.starts_with("US") || t.starts_with("SR") || t.starts_with("CR") {
        return (t.contains(' ') || t.contains('-')).then_some(Warn);
    }
    Some(Warn)
}

fn iso_date(s: &mut Span<'_>) -> Option<Severity> {
    let parts: Vec<u32> = s
        .get()
        .split(['-', '/', '.'])
        .filter_map(|p| p.parse().ok())
        .collect();
    match parts.as_slice() {
        [_, m, d] if (1..=12).contains(m) && (1..=31).contains(d) => Some(Block),
        _ => None,
    }
}

fn valid_day_month(a: u32, b: u32) -> bool {
    let md = (1..=12).contains(&a) && (1..=31).contains(&b);
    let dm = (1..=31).contains(&a) && (1..=12).contains(&b);
    md || dm
}

fn version_context(s: &Span<'_>) -> bool {
    let prev = s.prev_word();
    matches!(
        prev.as_str(),
        "version"
            | "v"
            | "ios"
            | "android"
            | "build"
            | "release"
            | "update"
            | "updated"
            | "to"
            | "windows"
            | "macos"
    ) && !s.before(20).contains("since")
}

fn numeric_date(s: &mut Span<'_>) -> Option<Severity> {
    let parts: Vec<u32> = s
        .get()
        .split(['-', '/', '.'])
        .filter_map(|p| p.parse().ok())
        .collect();
    let [a, b, _] = parts.as_slice() else {
        return None;
    };
    if !valid_day_month(*a, *b) {
        return None;
    }
    if s.get().contains('.') && version_context(s) {
        return None;
    }
    Some(Block)
}

/// Words after a number that make it a measurement, a score or a dose, not a date or an ID.
fn is_unit(word: &str) -> bool {
    const UNITS: &[&str] = &[
        "mg",
        "mcg",
        "g",
        "kg",
        "lb",
        "lbs",
        "ml",
        "l",
        "mmol",
        "mmhg",
        "bpm",
        "cm",
        "mm",
        "m",
        "km",
        "mi",
        "miles",
        "ft",
        "feet",
        "in",
        "inches",
        "hours",
        "hour",
        "hrs",
        "hr",
        "h",
        "minutes",
        "minute",
        "mins",
        "min",
        "seconds",
        "secs",
        "s",
        "days",
        "day",
        "weeks",
        "week",
        "months",
        "month",
        "years",
        "year",
        "yrs",
        "sessions",
        "session",
        "times",
        "points",
        "point",
        "pts",
        "percent",
        "percentile",
        "%",
        "scale",
        "rating",
        "craving",
        "cravings",
        "pain",
        "units",
        "unit",
        "drinks",
        "drink",
        "cigarettes",
        "steps",
        "calories",
        "kcal",
        "words",
        "pages",
        "dollars",
        "pounds",
        "euros",
        "people",
        "clients",
        "patients",
        "beds",
        "staff",
        "members",
        "students",
        "score",
        "scores",
        "items",
        "questions",
        "mg/day",
        "tablets",
        "tablet",
        "pills",
        "pill",
        "doses",
        "dose",
        "mgs",
        "x",
        "subjects",
        "participants",
        "cases",
        "referrals",
        "iu",
    ];
    in_list(UNITS, word)
}

fn short_date(s: &mut Span<'_>) -> Option<Severity> {
    let t = s.get();
    let mut it = t.split('/').filter_map(|p| p.parse::<u32>().ok());
    let (Some(a), Some(b)) = (it.next(), it.next()) else {
        return None;
    };
    if !valid_day_month(a, b) || t == "24/7" {
        return None;
    }
    let next = s.next_word();
    let prev = s.prev_word();
    let before = s.before(3);
    let after = s.after(2);
    // Part of a bigger number ("120/80", "16/4 mg", "3/10/2023" is another rule's).
    if before.ends_with('/') || after.starts_with('/') || before.ends_with('.') {
        return None;
    }
    const DATE_CUES: &[&str] = &[
        "on",
        "since",
        "from",
        "until",
        "till",
        "by",
        "before",
        "after",
        "dated",
        "admitted",
        "discharged",
        "born",
        "died",
        "seen",
        "due",
        "dob",
        "d.o.b",
        "date",
        "starting",
        "ending",
        "last",
        "next",
        "of",
        "around",
        "week",
        "weekend",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
    ];
    // Ratings and fractions: "a 7/10", "rated 8/10", "scored 3/5", "1/2 a tablet".
    const SCORE_CUES: &[&str] = &[
        "a", "an", "rated", "rates", "rating", "scored", "scores", "score", "at", "about",
        "around", "roughly", "was", "is", "of", "out", "only", "just", "to", "with", "suds",
        "distress", "pain", "mood", "anxiety", "craving", "sleep", "energy", "was",
    ];
    if in_list(DATE_CUES, &prev) && prev != "of" && prev != "around" && !is_unit(&next) {
        return Some(Block);
    }
    if is_unit(&next) || matches!(next.as_str(), "of" | "or" | "to" | "on") {
        return None;
    }
    if b == 10 || b == 5 || b == 4 || b == 3 || b == 2 || in_list(SCORE_CUES, &prev) {
        return None;
    }
    Some(Warn)
}

fn written_date(s: &mut Span<'_>) -> Option<Severity> {
    let t = s.get();
    // Find the month word inside the match and judge it by how it is written.
    let month = t.split(|c: char| !c.is_alphabetic()).find(|w| {
        let f = fold(w);
        in_list(MONTHS, &f) || in_list(MONTH_ABBREVIATIONS, &f)
    })?;
    let folded = fold(month);
    let has_day_or_year = t.bytes().any(|b| b.is_ascii_digit());
    if t.ends_with('.') && in_list(MONTHS, &folded) {
        // "in March." ends a sentence; only "Mar." abbreviates.
        s.end -= 1;
    }
    let capital = month.starts_with(|c: char| c.is_uppercase());
    let full = in_list(MONTHS, &folded);
    if !full {
        // "Jan", "Mar", "Dec": names and words too, so only with a day or a year.
        return (capital && has_day_or_year).then_some(Block);
    }
    if !capital {
        // "march", "may": verbs, unless a day or a year makes them a date.
        return has_day_or_year.then_some(Block);
    }
    let next = s.next_word();
    let prev = s.prev_word();
    if folded == "may" && !has_day_or_year {
        // "May I ask", "May be": sentence-initial modal. A date needs a date word before it.
        const MAY_CUES: &[&str] = &[
            "in", "on", "since", "until", "till", "by", "early", "late", "mid", "last", "next",
            "this", "of", "from", "through", "during", "before", "after", "around", "that",
        ];
        return in_list(MAY_CUES, &prev).then_some(Block);
    }
    if matches!(folded.as_str(), "june" | "april" | "august") && !has_day_or_year {
        // Also names: "June said", "with April".
        const PERSON_NEXT: &[&str] = &[
            "said", "says", "told", "asked", "is", "was", "has", "had", "and", "who", "felt",
            "feels", "wants", "s",
        ];
        if in_list(PERSON_NEXT, &next)
            || s.after(2).starts_with("'s")
            || s.after(2).starts_with("’s")
        {
            return None;
        }
    }
    if folded == "march" && matches!(next.as_str(), "on" | "to" | "for" | "against") {
        return None;
    }
    Some(Block)
}

fn ordinal_day(s: &mut Span<'_>) -> Option<Severity> {
    const NOT_DAYS: &[&str] = &[
        "session",
        "sessions",
        "grade",
        "percentile",
        "floor",
        "time",
        "birthday",
        "century",
        "week",
        "weeks",
        "day",
        "year",
        "visit",
        "appointment",
        "attempt",
        "admission",
        "placement",
        "cycle",
        "step",
        "anniversary",
        "place",
        "minute",
        "hour",
        "round",
        "trimester",
        "dose",
        "infusion",
        "treatment",
        "meeting",
        "generation",
        "edition",
        "cohort",
        "centile",
        "st",
        "nd",
        "rd",
        "th",
        "module",
        "chapter",
        "item",
        "question",
        "month",
        "months",
        "term",
        "semester",
        "child",
        "pregnancy",
        "relapse",
        "episode",
        "hospitalisation",
        "hospitalization",
        "foster",
        "school",
        "job",
        "move",
        "call",
    ];
    let next = s.next_word();
    (!in_list(NOT_DAYS, &next)).then_some(Warn)
}

fn holiday(s: &mut Span<'_>) -> Option<Severity> {
    let before = s.before(16);
    let after = s.after(30);
    let tied_before = [
        "the ", "last ", "that ", "on ", "since ", "over ", "before ", "after ", "until ",
    ]
    .iter()
    .any(|w| before.ends_with(w));
    let tied_after = [
        " when", " that", " he ", " she ", " they ", " we ", " his ", " her ", " 20", " 19",
        " after", " before",
    ]
    .iter()
    .any(|w| after.starts_with(w) || after.contains(&format!(",{w}")));
    (tied_before || tied_after).then_some(Warn)
}

fn age_not_unit(s: &mut Span<'_>) -> Option<Severity> {
    let next = s.next_word();
    let unitish = is_unit(&next) && !matches!(next.as_str(), "years" | "year" | "yrs");
    let prev = s.before(12);
    // "for 90 years", "over 90 years": durations, not ages.
    let duration = prev.ends_with("for ") || prev.ends_with("over ") || prev.ends_with("about ");
    (!unitish && !duration).then_some(Block)
}

fn initials(s: &mut Span<'_>) -> Option<Severity> {
    const NOT_INITIALS: &[&str] = &[
        "U.S.", "U.K.", "A.M.", "P.M.", "D.C.", "U.N.", "E.U.", "B.A.", "M.A.", "B.S.", "M.S.",
        "P.S.", "N.B.", "R.N.", "M.D.", "D.O.", "N.P.", "L.A.", "N.Y.", "A.A.", "N.A.", "Q.A.",
        "B.C.", "A.D.", "O.K.", "S.A.", "I.Q.", "E.R.", "I.V.", "G.P.", "T.V.", "P.E.",
    ];
    let t: String = s.get().chars().filter(|c| !c.is_whitespace()).collect();
    let t2 = t.trim_end_matches('.');
    let listed = NOT_INITIALS.iter().any(|n| n.trim_end_matches('.') == t2);
    (!listed).then_some(Block)
}

fn role_noun(s: &mut Span<'_>) -> Option<Severity> {
    let last = s
        .get()
        .rsplit(' ')
        .next()
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    const NOT_ROLES: &[&str] = &[
        "school",
        "schools",
        "hospital",
        "clinic",
        "services",
        "service",
        "council",
        "area",
        "population",
        "history",
        "people",
        "residents",
        "community",
        "culture",
        "economy",
        "support",
        "resources",
        "shops",
        "news",
        "park",
        "library",
        "police",
        "church",
    ];
    (!in_list(NOT_ROLES, &last)).then_some(Warn)
}

fn event_name(s: &mut Span<'_>) -> Option<Severity> {
    let t = s.get();
    // At least one capitalised word or a number besides "The"/"That".
    let named = t
        .split_whitespace()
        .skip(1)
        .any(|w| w.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit()));
    named.then_some(Warn)
}
