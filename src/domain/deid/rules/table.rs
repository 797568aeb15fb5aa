//! The rule table: one line of pattern, category, severity, reason and priority per rule.

use super::checks::*;
use super::date_checks::*;
use super::{Spec, spec};
use crate::domain::deid::Category;
use crate::domain::deid::Severity;

use Category as C;
use Severity::{Block, Warn};

const MONTH_NAMES: &str = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";

// Codes after a keyword: the code must hold a digit (checked) and may hold letters and dashes.
const CODE: &str = r"(?:\s{0,8}(?:(?:number|no\.|num|nr|id|code)(?-u:\b)|#)[^.\n0-9]{0,40}?|[\s,]{0,64}(?:is|was|:|#|=|-)?[\s,]{0,64}#?\s{0,8})([A-Za-z]{0,6}[0-9][A-Za-z0-9.-]{2,40}[A-Za-z0-9]|[A-Za-z]{1,4}[-\s]?[0-9]{4,40}[A-Za-z0-9]{0,64})(?-u:\b)";

pub(super) fn specs() -> Vec<Spec> {
    let keyed = |keywords: &str| format!(r"(?i)(?-u:\b)(?:{keywords})(?-u:\b){CODE}");
    let leaked = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    vec![
        // Contact details and addresses on the web.
        spec(r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,64}(?:\.[A-Za-z0-9-]{1,64}){0,8}\.[A-Za-z]{2,40}", C::Email, Block,
            "An email address leads straight to its owner.", 90),
        spec(r"(?i)(?-u:\b)(?:https?://|www\.)[^\s<>()\[\]{}]{1,64}", C::Url, Block,
            "A web address can lead to the person or a page about them.", 85)
            .check(trim_url),
        spec(r"(?i)(?-u:\b)[a-z0-9][a-z0-9-]{0,64}(?:\.[a-z0-9-]{1,64}){0,8}\.(?:com|org|net|edu|gov|io|co|uk|ca|au|nz|ie|me|info|ly|app|us|tv|biz|site|online|page|link|blog|social|gg|to|xyz|live|dev|club|shop)(?-u:\b)(?:/[^\s<>()\[\]{}]{0,64})?", C::Url, Block,
            "A web address can lead to the person or a page about them.", 84)
            .check(trim_url),
        spec(r"(?:^|[\s(\[])(@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}[A-Za-z0-9_])", C::SocialHandle, Block,
            "A social-media handle leads straight to its owner.", 80).group(1),
        spec(r"(?-u:\b)[A-Za-z][A-Za-z0-9_.]{1,31}#[0-9]{4}(?-u:\b)", C::SocialHandle, Block,
            "A gaming or chat tag leads straight to its owner.", 80),
        spec(r"(?i)(?-u:\b)(u/[a-z0-9_-]{3,21})(?-u:\b)", C::SocialHandle, Block,
            "A social-media user name leads straight to its owner.", 80).group(1),
        spec(r#"(?i)(?-u:\b)(?:username|user name|handle|gamer ?tag|screen name|account name|profile|alias|goes by)[\s,]{0,64}(?:is|was|:)?[\s,]{0,64}["“']?([a-z0-9_.]{3,30}(?:#[0-9]{4})?)"#, C::SocialHandle, Block,
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
        Spec { trigger: None, pattern: leaked(keyed("mrn|medical record(?:s)?|record|chart|patient id|patient number|hospital number|nhs number|chi number|health card|unit number")), group: 1, category: C::MedicalRecord, severity: Block,
            reason: "A medical record number identifies one patient.", priority: 76, check: Some(code) },
        Spec { trigger: None, pattern: leaked(keyed("medicaid|medicare|medi-cal|member|membership|policy|insurance|insurer|health plan|plan|subscriber|beneficiary|mbi|blue cross|aetna|cigna|tricare|hmo|ppo|group")), group: 1, category: C::HealthPlan, severity: Block,
            reason: "A health plan or member number identifies one person.", priority: 75, check: Some(code) },
        Spec { trigger: None, pattern: leaked(keyed("account|acct|a/c|iban|sort code|routing|credit card|debit card|card|bank")), group: 1, category: C::Account, severity: Block,
            reason: "An account number identifies one person.", priority: 74, check: Some(code) },
        Spec { trigger: None, pattern: leaked(keyed(r"licen[cs]e|certificate|cert|permit|npi|dea|passport|driver'?s licen[cs]e|dl|registration")), group: 1, category: C::Licence, severity: Block,
            reason: "A licence or certificate number identifies one person.", priority: 73, check: Some(code) },
        Spec { trigger: None, pattern: r"(?i)(?-u:\b)(?:vin|number plate|licen[cs]e plate|plates?|reg(?:istration)? plate|tags?)(?-u:\b)(?:\s{0,8}(?:number|no\.?|#))?[\s,]{0,64}(?:is|was|of|:|#|reads|read)?[\s,]{0,64}([A-Z0-9]{1,4}[ -]?[A-Z0-9]{2,13})(?-u:\b)", group: 1, category: C::Vehicle, severity: Block,
            reason: "A licence plate or vehicle number leads to the owner.", priority: 79, check: Some(code) },
        spec(r"(?-u:\b)[A-Z]{2}[0-9]{2}\s?[A-Z]{3}(?-u:\b)", C::Vehicle, Block,
            "A licence plate leads to the owner.", 77),
        spec(r"(?-u:\b)[A-HJ-NPR-Z0-9]{17}(?-u:\b)", C::Vehicle, Block,
            "A vehicle identification number leads to the owner.", 77).check(vin),
        Spec { trigger: None, pattern: leaked(keyed("serial|s/n|sn|imei|device id|device|mac address|udid|pacemaker|pump|implant|hearing aid|monitor|tag id")), group: 1, category: C::Device, severity: Block,
            reason: "A device serial number leads to the person who carries it.", priority: 74, check: Some(code) },
        Spec { trigger: None, pattern: leaked(keyed("case|claim|docket|file|reference|ref|student|employee|staff|payroll|inmate|prisoner|booking|offender|ticket|incident|report|id|identification|badge|warrant|court|matter|cause|application|referral")), group: 1, category: C::OtherNumber, severity: Block,
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
        Spec { trigger: None, pattern: leaked(format!(r"(?i)(?-u:\b)(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s{{1,8}})?(?:(?:the\s{{1,8}})?[0-9]{{1,2}}(?:st|nd|rd|th)?\s{{1,8}}(?:of\s{{1,8}})?)?(?:{MONTH_NAMES})(?-u:\b)\.?(?:\s{{1,8}}[0-9]{{1,2}}(?:st|nd|rd|th)?(?-u:\b))?(?:,?\s{{1,8}}(?:19|20)[0-9]{{2}}(?-u:\b))?")),
            group: 0, category: C::Date, severity: Block,
            reason: "A month or a day of the month dates the event, and dates can be matched against records.", priority: 65, check: Some(written_date) },
        spec(r"(?i)(?-u:\b)(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s{1,8}(?:the\s{1,8})?[0-9]{1,2}(?:st|nd|rd|th)(?-u:\b)", C::Date, Block,
            "A weekday and a day of the month pin down one date.", 66),
        spec(r"(?i)(?-u:\b)the\s{1,8}[0-9]{1,2}(?:st|nd|rd|th)(?-u:\b)", C::Date, Warn,
            "A day of the month dates the event.", 40).check(ordinal_day),
        spec(r"(?i)(?-u:\b)(?:on|before|after|since|around|near|for|the day of|the week of|the weekend of)\s{1,8}(?:his|her|their|my|the client's|the child's)\s{1,8}(?:[0-9]{1,3}(?:st|nd|rd|th)\s{1,8})?birthday(?-u:\b)", C::Date, Warn,
            "A birthday is a date element, and dates can be matched against records.", 50),
        spec(r"(?i)(?-u:\b)(?:the|last|that|this|on|since|over|at|before|after|around|until|by|during|every)\s{1,8}((?:christmas|xmas|thanksgiving|easter|hanukkah|chanukah|diwali|passover|halloween|hogmanay|kwanzaa|boxing day|new year'?s|valentine'?s day|mother'?s day|father'?s day|memorial day|labou?r day|independence day|fourth of july|july 4th|canada day|anzac day|australia day|bonfire night|guy fawkes|st\.? patrick'?s day|yom kippur|rosh hashanah|good friday|juneteenth|veterans day|remembrance day|lunar new year|chinese new year|nowruz|super bowl sunday)(?:\s{1,8}(?:eve|day|weekend|morning|night|break|holidays?|dinner|party))?)(?-u:\b)", C::Date, Warn,
            "A holiday tied to an event dates it.", 48).group(1).check(holiday)
            .trigger(r"(?i)(?-u:\b)(?:christmas|xmas|thanksgiving|easter|hanukkah|chanukah|diwali|passover|halloween|hogmanay|kwanzaa|boxing day|new year'?s|valentine'?s day|mother'?s day|father'?s day|memorial day|labou?r day|independence day|fourth of july|july 4th|canada day|anzac day|australia day|bonfire night|guy fawkes|st\.? patrick'?s day|yom kippur|rosh hashanah|good friday|juneteenth|veterans day|remembrance day|lunar new year|chinese new year|nowruz|super bowl sunday)"),
        spec(r"(?i)(?-u:\b)(?:admitted|discharged|born|died|arrested|released|sectioned|hospitali[sz]ed|married|divorced|evicted|buried)\s{1,8}(?:on\s{1,8}|last\s{1,8}|this\s{1,8}|that\s{1,8})?((?:mon|tues|wednes|thurs|fri|satur|sun)day)(?-u:\b)", C::Date, Warn,
            "An admission, discharge or other event day dates the story.", 47).group(1),
        // Ages over 89.
        spec(r"(?i)(?-u:\b)(9[0-9]|1[01][0-9])(?:[\s-]{0,64}(?:years?|yrs?)(?:[\s-]{0,64}old)?|\s{0,8}y/?o(?-u:\b)|\s{0,8}y\.o\.)", C::Age, Block,
            "Ages over 89 are rare enough to identify someone.", 88).check(age_not_unit),
        spec(r"(?i)(?-u:\b)(?:aged?|age of|turned|turning|is now|who is|she is|he is|they are|she's|he's|at age|(?:pt|resident|patient|client|woman|man|lady|gentleman|widow|widower|grand(?:mother|father|ma|pa)|mother|father|mum|mom|dad|nan|gran|veteran) (?:is|was|turned|turns))\s{1,8}(9[0-9]|1[01][0-9])(?-u:\b)", C::Age, Block,
            "Ages over 89 are rare enough to identify someone.", 88).group(1).check(age_not_unit)
            .trigger(r"(?-u:\b)(?:9[0-9]|1[01][0-9])(?-u:\b)"),
        spec(r"(?i)(?-u:\b)(?:his|her|their|my)\s{1,8}(?:early\s{1,8}|mid[\s-]{0,64}|late\s{1,8})?(?:90s|90's|nineties|hundreds|100s)(?-u:\b)", C::Age, Block,
            "Ages over 89 are rare enough to identify someone.", 88)
            .trigger(r"(?i)(?-u:\b)(?:90s|90's|nineties|hundreds|100s)(?-u:\b)"),
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
            "An attachment can show a face, handwriting or a document.", 94)
            .trigger(r"(?i)(?-u:\b)(?:attached|enclosed|below|uploaded)(?-u:\b)"),
        // Biometrics.
        spec(r"(?i)(?-u:\b)(?:fingerprints?|finger-prints?|thumbprints?|voice ?prints?|retina(?:l)? scans?|iris scans?|facial (?:recognition|scan|geometry)|face id|palm ?prints?|palm[\s-]?veins?(?: (?:template|scan|pattern))?|vein (?:pattern|template|scan)|(?:voice|face|fingerprint|iris) templates?|dna (?:profile|sample|test|results?|match)|genetic (?:profile|test results?)|biometric[a-z]{0,64})(?-u:\b)(?:[^.\n]{0,30}?(?-u:\b)[A-Z]{0,4}-?[0-9][A-Z0-9-]{3,40})?", C::Biometric, Warn,
            "Biometric records identify one person.", 58),
        // Rare occupations.
        spec(r"(?i)(?-u:\b)(?:the|a|former|retired) (?:principal|lead|chief|head|star|first|only|sole|founding|longtime) [a-z]{1,64} (?:of|for|at|with|in) (?:the |our |a )?(?:[a-z]{1,64} ){0,2}(?:symphony|orchestra|ballet|opera|philharmonic|team|club|band|choir|company|theatre|theater|newspaper|paper|station|league|cathedral|parliament|senate|legislature|council)(?-u:\b)", C::Occupation, Warn,
            "A one-of-a-kind role points to one person.", 52),
        spec(r"(?i)(?-u:\b)the (?:only|sole|one|first|last) [a-z][a-z' -]{2,40}? (?:in|at|on|for|within|of) (?:the |our |their |his |her |a )?(?:town|village|city|county|area|region|valley|island|community|district|parish|practice|school|hospital|state|country|province|team|league|force|department|unit|port|harbour|harbor|airport|base|prison|mine|plant|factory|fleet|station|firm|company|orchestra|club|congregation|diocese|building|street|estate)(?-u:\b)", C::Occupation, Warn,
            "A one-of-a-kind role points to one person.", 52)
            .trigger(r"(?i)(?-u:\b)the (?:only|sole|one|first|last) "),
        spec(r"(?i)(?-u:\b)the (?:town|village|city|county|island|community|parish|local|area|district)['’]s (?:only |sole |first |one |new |former |longtime |long-serving )?[a-z][a-z-]{1,64}(?: [a-z][a-z-]{1,64})?", C::Occupation, Warn,
            "A role held by one person in a community points to that person.", 51).check(role_noun),
        spec(r"(?i)(?-u:\b)(?:an? |the |former |retired |ex-)?(?:olympic|olympian|paralympic|premier league|nfl|nba|mlb|nhl|wnba|mls|grammy|oscar|emmy|pulitzer|nobel|world champion|national champion|state champion)[\s-]{1,64}(?:[a-z-]{1,64}\s){0,2}(?:[a-z]{1,64}(?:er|ist|ian|or|ee|ant|ent)|athlete|champion|medallist|medalist|winner|player|star|laureate|nominee|coach|gymnast|boxer)s?(?-u:\b)", C::Occupation, Warn,
            "A public role like this points to one person.", 52),
        spec(r"(?i)(?-u:\b)(?:the|a|an|our)\s{1,8}(?:local|well-known|famous|prominent|celebrity|tv|television|radio|news)\s{1,8}(?:[a-z-]{1,64}\s){0,2}(?:celebrity|politician|news anchor|anchor|presenter|broadcaster|influencer|youtuber|tiktoker|streamer|author|novelist|musician|singer|actor|actress|athlete|footballer|businessman|businesswoman|surgeon|judge|pastor|personality|figure|chef|host|weatherman|weather presenter|reporter|journalist)(?-u:\b)", C::Occupation, Warn,
            "A public role like this points to one person.", 50),
        spec(r"(?i)(?-u:\b)(?:the )?(?:mayor|sheriff|coroner|police chief|fire chief|district attorney|headteacher|head teacher|superintendent|senator|congressman|congresswoman|state representative|councillor|councilman|councilwoman|alderman|bishop|archbishop|chief constable|chief of police|high sheriff|lord mayor) of(?-u:\b)", C::Occupation, Warn,
            "A public office held by one person points to that person.", 51),
        // Newsworthy events. A word in a name is Latin letters (accented too), digits and
        // `'’.-`, not `\w`: repeated up to a hundred times in one rule, Unicode's `\w` made these
        // two rules 17 of the scanner's 26 MB of compiled rules (and as much again in the union
        // and the set). The word must start with A-Z or a digit anyway.
        Spec { pattern: r"(?-u:\b)(?:[Tt]he|[Tt]hat)\s{1,8}(?:(?:[A-Z0-9][0-9A-Za-z_\u{C0}-\u{D6}\u{D8}-\u{F6}\u{F8}-\u{24F}\u{300}-\u{36F}\u{1E00}-\u{1EFF}'’.-]{0,20}|of|on|at|and)\s{1,8}){1,5}(?:[a-z]{1,20}\s{1,8})?(?i:bridge collapse|collapse|fire|blaze|floods?|shooting|explosion|crash|derailment|bombing|attack|riots?|tornado|earthquake|hurricane|storm|stabbing|scandal|massacre|siege|spill|outbreak|pile-?up|murders?|kidnapping|abduction|disaster|tragedy|blast|evacuation|layoffs|closure|verdict|trial)(?-u:\b)",
            group: 0, category: C::Event, severity: Warn,
            reason: "A newsworthy event ties the story to a time and place anyone can look up.", priority: 56, check: Some(event_name), trigger: None },
        Spec { pattern: r"(?i:(?-u:\b)the\s{1,8}(?:[a-z]{1,20}\s{1,8})?(?:bridge collapse|collapse|fire|blaze|flood|shooting|explosion|crash|derailment|bombing|stabbing|spill|siege|pile-?up|attack|riot)\s{1,8}(?:on|at|in|near|outside)\s{1,8})(?:the\s{1,8})?[A-Z][0-9A-Za-z_\u{C0}-\u{D6}\u{D8}-\u{F6}\u{F8}-\u{24F}\u{300}-\u{36F}\u{1E00}-\u{1EFF}'’.-]{0,20}(?:\s{1,8}[A-Z0-9][0-9A-Za-z_\u{C0}-\u{D6}\u{D8}-\u{F6}\u{F8}-\u{24F}\u{300}-\u{36F}\u{1E00}-\u{1EFF}'’.-]{0,20}){0,3}",
            group: 0, category: C::Event, severity: Warn,
            reason: "A newsworthy event ties the story to a time and place anyone can look up.", priority: 57, check: None, trigger: Some(r"(?i)(?-u:\b)(?:bridge collapse|collapse|fire|blaze|flood|shooting|explosion|crash|derailment|bombing|stabbing|spill|siege|pile-?up|attack|riot)\s{1,8}(?:on|at|in|near|outside)\s") },
        spec(r"(?i)(?-u:\b)(?:won|winning|wins|hit)\s{1,8}(?:the\s{1,8})?(?:a\s{1,8})?(?:state\s{1,8}|national\s{1,8}|euromillions\s{1,8}|powerball\s{1,8}|mega millions\s{1,8}|big\s{1,8})?(?:lottery|jackpot|powerball)(?-u:\b)|(?-u:\b)(?:made|was in|was on|hit|appeared (?:in|on)|featured (?:in|on)|all over)\s{1,8}(?:the\s{1,8})?(?:local\s{1,8}|national\s{1,8}|evening\s{1,8}|front page of the\s{1,8})?(?:news|headlines|papers|front page)(?-u:\b)|(?-u:\b)went viral(?-u:\b)|(?-u:\b)(?:covered|reported)\s{1,8}(?:by|in|on)\s{1,8}(?:the\s{1,8})?(?:local\s{1,8}|national\s{1,8})?(?:news|press|papers|media)(?-u:\b)", C::Event, Warn,
            "Something that made the news can be looked up, and with it the person.", 55),
    ]
    .into_iter()
    .chain(super::table_more::more_specs())
    .chain(super::table_recall::recall_specs())
    .chain(super::table_world::world_specs())
    .collect()
}
