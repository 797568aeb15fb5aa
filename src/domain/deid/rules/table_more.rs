//! Rules for the forms issue 14's corpus brought: dates in words and tied to a named day,
//! national numbers outside the US (NHS, SIN, National Insurance, Aadhaar, IBAN), numbers read
//! aloud in words, addresses and e-mails written to dodge a filter, named wards and units.

use super::checks::code;
use super::date_checks::{dotted_day_month, ordinal_day, short_date};
use super::id_checks::*;
use super::place_checks::*;
use super::written_checks::*;
use super::{Spec, spec};
use crate::domain::deid::Category as C;
use crate::domain::deid::Severity::{Block, Warn};

/// Days with a name: a holiday, a festival, a day everyone in a place knows the date of.
pub(super) const NAMED_DAYS: &str = r"christmas(?:\s{1,8}(?:day|eve))?|xmas|easter(?:\s{1,8}(?:sunday|monday|saturday))?|good friday|mothering sunday|mother'?s day|father'?s day|boxing day|new year'?s(?:\s{1,8}(?:day|eve))?|hogmanay|burns night|bonfire night|guy fawkes(?:\s{1,8}night)?|halloween|valentine'?s day|st\.? patrick'?s day|st\.? andrew'?s day|st\.? david'?s day|remembrance (?:day|sunday)|armistice day|anzac day|australia day|waitangi day|canada day|thanksgiving|independence day|memorial day|labou?r day|juneteenth|eid(?:[- ]al[- ](?:fitr|adha))?|diwali|deepavali|holi|vaisakhi|navratri|dussehra|onam|pongal|ramadan|hanukkah|chanukah|passover|yom kippur|rosh hashanah|purim|lunar new year|chinese new year|tet|nowruz|cup day|melbourne cup(?:\s{1,8}day)?|grand final day|results day|(?:a-level|gcse|leaving cert|hsc|vce|atar) results day|super bowl sunday|black friday|pancake day|shrove tuesday|ash wednesday|palm sunday|midsummer|st\.? john'?s eve";

const DIGIT_WORD: &str =
    r"(?:(?:double|triple)[- ])?(?:zero|oh|nought|one|two|three|four|five|six|seven|eight|nine)";

/// Spaces here are ASCII (`(?-u:\s)`): the gate and `caseroom scan` read the folded text, where
/// odd spaces are already plain ones, and Unicode's space class, repeated in every rule, was a
/// measurable part of compiling the rules for each one-off scan.
pub(super) fn more_specs() -> Vec<Spec> {
    let leaked = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    // Three words start a candidate; the check reads on and wants seven or more. Seven in the
    // pattern copied the alternation into the candidate automaton, which every one-off
    // `caseroom scan` compiles.
    let digits_in_words = format!(r"{DIGIT_WORD}(?:[ \t\n,-]{{1,3}}{DIGIT_WORD}){{2}}");
    // The long number in words on its own, a rule below too, so the union holds it once.
    let words_trigger = leaked(format!(r"(?i)(?-u:\b){digits_in_words}(?-u:\b)"));
    vec![
        // Dates tied to a named day or to the person's own day.
        spec(leaked(format!(r"(?i)(?-u:\b)(?:the(?-u:\s){{1,8}})?(?:(?:last|first)(?-u:\s){{1,8}})?(?:morning|night|eve|day|evening|afternoon|weekend|week|run-up|days?)(?-u:\s){{1,8}}(?:of|after|before|following)(?-u:\s){{1,8}}(?:the(?-u:\s){{1,8}})?(?:{NAMED_DAYS})(?-u:\b)")), C::Date, Warn,
            "A named day dates the event.", 49),
        spec(leaked(format!(r"(?i)(?-u:\b)(?:from|after|before|since|on|at|over|until|till|around|by|during|was|be|is|been|of|to)(?-u:\s){{1,8}}((?:{NAMED_DAYS}))(?-u:\b)")), C::Date, Warn,
            "A named day dates the event.", 47).group(1),
        spec(r"(?i)(?-u:\b)(?:the(?-u:\s){1,8})?(?:day|morning|night|evening|week|weekend)(?-u:\s){1,8}(?:of|after|before)(?-u:\s){1,8}(?:his|her|their|my|the client's|the child's)(?-u:\s){1,8}(?:[a-z]{2,20}'s(?-u:\s){1,8})?(?:[0-9]{1,3}(?:st|nd|rd|th)|(?:[0-9]{1,3}(?:st|nd|rd|th)(?-u:\s){1,8})?(?:birthday|wedding|funeral|graduation|leaving do|party)(?:(?-u:\s){1,8}party)?)(?-u:\b)", C::Date, Warn,
            "A birthday or a family day is a date element.", 50),
        spec(r"(?i)(?-u:\b)the(?-u:\s){1,8}(?:(?:first|second|third|fourth|last)(?-u:\s){1,8})?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?-u:\s){1,8}(?:of|after|before)(?-u:\s){1,8}(?:the(?-u:\s){1,8})?(?:(?:spring|summer|autumn|fall|winter|christmas|easter|october|february|may)(?-u:\s){1,8})?(?:half[- ]term|term|holidays?|break|semester|exams?|results|funeral|wedding|election|final|festival|easter|christmas)(?-u:\b)", C::Date, Warn,
            "A day tied to the school year or an event dates the story.", 48),
        spec(r"(?i)(?-u:\b)the day the clocks (?:changed|went (?:back|forward))(?-u:\b)", C::Date, Warn,
            "A day everyone can date dates the event.", 48),
        spec(r"(?i)(?-u:\b)(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\.?(?-u:\s){1,8}(?:the(?-u:\s){1,8})?[0-9]{1,2}(?:st|nd|rd|th)(?-u:\b)", C::Date, Block,
            "A weekday and a day of the month pin down one date.", 66),
        spec(r"(?i)(?-u:\b)(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\.?(?-u:\s){1,8}([0-9]{1,2}/[0-9]{1,2})(?-u:\b)", C::Date, Block,
            "A weekday and a day and month pin down one date.", 66).group(1).check(short_date),
        spec(r"(?i)(?:on|until|till|by|since|before|after|from|for)(?-u:\s){1,8}(the(?-u:\s){1,8}(?:fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty-first))(?-u:\b)", C::Date, Warn,
            "A day of the month dates the event.", 40).group(1).check(ordinal_day)
            .trigger(r"(?i)(?-u:\b)the(?-u:\s){1,8}(?:fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty-first)(?-u:\b)"),
        spec(r"(?i)(?-u:\b)[0-9]{1,2}[-/ ](?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(?-u:\b)", C::Date, Block,
            "A day and month date the event.", 64),
        spec(r"(?-u:\b)(?:0[1-9]|[12][0-9]|3[01])\.(?:0[1-9]|1[0-2])(?-u:\b)", C::Date, Warn,
            "A day and month date the event.", 44).check(dotted_day_month),
        spec(r"(?-u:\b)[0-9]{1,2}\.(?:iii|ii|iv|vii|viii|vi|ix|xii|xi|x|v|i)(?-u:\b)", C::Date, Warn,
            "A day and a month in Roman numerals date the event.", 44),
        // A record's name field: "pt_name: darren pike", "Client name = Ana Ruiz".
        spec(r"(?i)name(?-u:\s){0,4}[:=](?-u:\s){0,4}([a-z][a-z'’.-]{1,30}(?: [a-z][a-z'’.-]{1,30}){0,2})", C::Name, Block,
            "A name, even a first name or a nickname, can be enough for someone who knows the client.", 63).group(1).check(name_value),
        // National and bank numbers.
        spec(r"(?i)(?-u:\b)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z](?-u:\s)?[0-9]{2}(?-u:\s)?[0-9]{2}(?-u:\s)?[0-9]{2}(?-u:\s)?[A-D](?-u:\b)", C::Ssn, Block,
            "A National Insurance number identifies one person.", 90).check(ni_number),
        spec(r"(?-u:\b)[0-9]{3}([- ])[0-9]{3}([- ])[0-9]{3}(?-u:\b)", C::Ssn, Block,
            "A national ID number (a Canadian SIN, an Australian tax file number) identifies one person.", 90).check(nine_digit_id),
        spec(r"(?-u:\b)[2-9][0-9]{3} [0-9]{4} [0-9]{4}(?-u:\b)", C::Ssn, Block,
            "An Aadhaar number identifies one person.", 90).check(aadhaar),
        spec(r"(?-u:\b)[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4}(?-u:\b)", C::HealthPlan, Block,
            "An NHS number identifies one patient.", 91).check(nhs_number),
        spec(r"(?i)(?-u:\b)(?:sin|social insurance(?: number)?|tax file number|tfn|pps(?:n| number)?|national insurance(?: number)?|ni number|nino|aadhaar(?: card| number)?|personal public service(?: number)?)(?-u:\b)[^.\n0-9]{0,40}?([0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{3}|[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}|[0-9]{7}[A-Za-z]{1,2}|[0-9]{3,4})(?-u:\b)", C::Ssn, Block,
            "A national ID number, even part of one, identifies one person.", 92).group(1),
        spec(r"(?i)(?-u:\b)(?:nhs|chi|ohip|medicare|health card|health number)(?-u:\b)[^.\n0-9]{0,40}?([0-9Oo]{3}[ -]?[0-9Oo]{3}[ -]?[0-9Oo]{4}(?:[ -]?[A-Za-z]{2})?|[0-9]{4}[ -]?[0-9]{3}[ -]?[0-9]{3}(?:[ -]?[A-Za-z]{2})?|[0-9]{4}[ -]?[0-9]{5}[ -]?[0-9](?:[ -/]?[0-9])?)(?-u:\b)", C::HealthPlan, Block,
            "A health service number identifies one patient.", 91).group(1),
        spec(r"(?-u:\b)[A-Z]{2}[0-9]{2}(?:(?-u:\s)?[A-Z0-9]{4}){2,7}(?:(?-u:\s)?[A-Z0-9]{1,4})?(?-u:\b)", C::Account, Block,
            "A bank account number (IBAN) identifies one person's account.", 88).check(iban),
        spec(r"(?i)(?-u:\b)(?:sort(?-u:\s)?code|bsb)(?-u:\b)[^0-9\n]{0,20}([0-9]{2}[-. ][0-9]{2}[-. ][0-9]{2}|[0-9]{3}-?[0-9]{3})(?-u:\b)", C::Account, Block,
            "A sort code with an account leads to one person's account.", 86).group(1),
        spec(r"(?i)(?-u:\b)(?:account|acct)(?:(?-u:\s){0,8}(?:number|no\.?|#))?(?-u:\b)[^.\n0-9]{0,20}?([0-9]{4}[ -][0-9]{4}(?:[ -][0-9]{2,4})?)(?-u:\b)", C::Account, Block,
            "An account number identifies one person.", 85).group(1),
        spec(r"(?i)(?-u:\b)(?:hosp(?:ital)?\.?(?-u:\s){0,8}(?:no\.?|number|#)|mrn|chart(?:(?-u:\s){0,8}(?:no\.?|number))?|unit number)[ \t:#]{0,8}([A-Z]{0,3}(?-u:\s)?[0-9]{3,4}(?-u:\s)[0-9]{3,4}(?:(?-u:\s)[0-9]{3,4})?|[A-Z]{1,3}[0-9]?(?-u:\s)[0-9]{5,10})(?-u:\b)", C::MedicalRecord, Block,
            "A medical record number identifies one patient.", 80).group(1),
        // Read aloud or written to dodge a filter.
        spec(leaked(format!(r"(?i)(?:phone|mobile|number|landline|call|ring|text|cell|whatsapp)(?-u:\b)[^.\n]{{0,30}}?(?-u:\b)({digits_in_words})(?-u:\b)")), C::Phone, Block,
            "A phone number read out in words is still a phone number.", 86).group(1).check(more_digit_words)
            .trigger(words_trigger),
        spec(leaked(format!(r"(?i)(?-u:\b)(?:account|acct)(?:(?-u:\s){{1,8}}(?:number|no\.?))?[^.\n]{{0,20}}?(?-u:\b)({digits_in_words})(?-u:\b)")), C::Account, Block,
            "An account number read out in words is still an account number.", 85).group(1).check(more_digit_words)
            .trigger(words_trigger),
        spec(leaked(format!(r"(?i)(?-u:\b){digits_in_words}(?-u:\b)")), C::OtherNumber, Warn,
            "A long number written in words may be a phone or an account number.", 34).check(more_digit_words_warn),
        spec(r"(?i)(?:\[at\]|\(at\)|(?-u:\s)at(?-u:\s))(?-u:\s){0,3}[a-z0-9-]{1,40}(?-u:\s){0,3}(?:\[dot\]|\(dot\)|(?-u:\s)dot(?-u:\s))(?-u:\s){0,3}[a-z]{2,6}(?:(?-u:\s){0,3}(?:\[dot\]|\(dot\)|(?-u:\s)dot(?-u:\s))(?-u:\s){0,3}[a-z]{2,6})?(?-u:\b)", C::Email, Block,
            "An e-mail address written to dodge a filter still leads to its owner.", 84).check(spelled_email),
        spec(r"(?i)(?-u:\b)[0-9]{1,3}(?:(?-u:\s){1,3}(?:dot|\[dot\]|\(dot\))(?-u:\s){1,3}[0-9]{1,3}){3}(?-u:\b)", C::IpAddress, Block,
            "An IP address can be traced to a household.", 87),
        spec(r"(?-u:\b)[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}(?-u:\b)|(?-u:\b)[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5}(?-u:\b)", C::Device, Block,
            "A device's hardware address leads to the device and its owner.", 89),
        // Places: Irish Eircodes, lower-case streets, named wards and units.
        spec(r"(?-u:\b)(?:[AC-FHKNPRTV-Y][0-9]{2}|D6W)(?-u:\s)?[0-9AC-FHKNPRTV-Y]{4}(?-u:\b)", C::Location, Block,
            "An Eircode identifies a single address.", 83).check(eircode),
        spec(r"(?-u:\b)(?:ave|avenue|street|st|road|rd|lane|ln|close|crescent|drive|terrace|grove|gardens|mews)(?-u:\b)", C::Location, Block,
            "A named street places the story somewhere specific.", 45).check(lower_street),
        spec(r"(?i:(?-u:\b)(?:ward|unit|wing|bay|pod))(?-u:\s){1,8}[0-9]{1,3}[A-Z]?(?-u:\b)", C::Organization, Block,
            "A named ward or unit narrows down where the client is treated.", 60).check(ward_number),
        spec(r"(?-u:\b)(?i:ward|unit|wing)(?-u:\b)", C::Organization, Block,
            "A named ward or unit narrows down where the client is treated.", 59).check(named_unit),
        spec(r"(?-u:\b)[0-9]{1,2}(?-u:\s){1,8}(?:West|East|North|South)(?-u:\b)", C::Organization, Warn,
            "A ward named by its floor narrows down where the client is treated.", 40),
        spec(r"\((?:the(?-u:\s){1,8})?(?:nursing home|care home|residential home|[A-Z]{2,4} unit|unit|ward|hostel)", C::Organization, Block,
            "A named care home or unit narrows down where the client lives or is treated.", 58).check(name_before_bracket),
        spec(r"(?-u:\b)(?:street|road|lane|park|green)(?-u:\s){1,8}(?:surgery|practice|medical centre|health centre|clinic|school|primary|academy|church|chapel|mosque|library)(?-u:\b)", C::Organization, Block,
            "A named surgery, school or church narrows down who the client is.", 61).check(one_word_before),
        spec(r"(?-u:\b)(?:estate|village|caravan park|holiday park|retirement village)(?-u:\b)", C::Location, Block,
            "A named estate or village narrows down where the client lives.", 57).check(capital_before),
        spec(r"(?i:(?-u:\b)(?:pitch|plot|berth|static|caravan|room|bed))(?-u:\s){1,8}(?:no\.?(?-u:\s){0,8})?([0-9]{1,4}[A-Za-z]?)(?-u:\b)", C::Location, Block,
            "A pitch, plot or room number narrows an address to one home.", 56).group(1).check(ward_number),
        spec(r"(?i)(?-u:\b)the (?:only|sole|one) [a-z][a-z' -]{2,40}? for (?:about |around |some |over )?(?:[0-9]{1,4}|[a-z]{3,12}(?:-[a-z]{3,12})?) (?:miles|kilometres|kilometers|km)(?-u:\b)", C::Occupation, Warn,
            "A one-of-a-kind role points to one person.", 52)
            .trigger(r"(?i)(?-u:\b)the (?:only|sole|one|first|last) "),
        spec(r"(?-u:\b)the(?-u:\s){1,8}[A-Z][a-z]{2,20}(?-u:\s){1,8}(?:and|&)(?-u:\s){1,8}[A-Z][a-z]{2,20}(?-u:\b)", C::Organization, Warn,
            "A named pub or business narrows down where the client is.", 42).check(pub_name),
        // Codes that `code` knows from other rules, after a hospital's words.
        spec(r"(?i)(?-u:\b)(?:case|claim|file)(?-u:\s){1,8}(?:no\.?|number|ref)(?-u:\s){0,8}[:#]?(?-u:\s){0,8}([A-Z0-9]{2,6}[ -][A-Z0-9]{2,10})(?-u:\b)", C::OtherNumber, Block,
            "A case, claim or ID number identifies one person.", 72).group(1).check(code),
    ]
}
