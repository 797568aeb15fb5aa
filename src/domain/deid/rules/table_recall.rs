//! Recall-first rules for identifiers that no keyword announces: a date told by the local event
//! it followed, a holiday opening a sentence, a day and month with no word around them, phone
//! and postcode shapes of other countries, an age over 89 in words, a serial in groups.
//! Most are warnings: the shape alone is a strong guess, and the author judges.

use super::date_checks::age_not_unit;
use super::recall_checks::*;
use super::table_more::NAMED_DAYS;
use super::{Spec, spec};
use crate::domain::deid::Category as C;
use crate::domain::deid::Severity::{Block, Warn};

/// Gatherings a family or a town dates things by.
const EVENTS: &str = r"regionals|nationals|finals|championships|competition|feast|blessing|annual day|prize-?giving|kapa haka|powwow|procession|festa|novena|wake|tangi|hui|anniversary|supper|prom|homecoming|formal|disco|dance|party|fair|fete|show|regatta|festival|carnival|parade|concert|match|final|gala|ball|ceremony|funeral|wedding|christening|baptism|mitzvah|graduation|reunion|sports day|open day|nativity|recital|tournament|derby|marathon|bonfire|fireworks|vigil|memorial|inquest|hearing|trial|verdict|storm|flood|fire|crash|blackout|eisteddfod|ceilidh|pageant|jubilee|agricultural show|county show|fun run|bake sale|quiz night|results";

pub(super) fn recall_specs() -> Vec<Spec> {
    let leaked = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    vec![
        // "the Sunday after the harvest supper", "the night of the Year 11 prom".
        spec(leaked(format!(r"(?i)(?-u:\b)the(?-u:\s){{1,8}}(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|morning|night|evening|afternoon|day|weekend|week|eve)(?-u:\s){{1,8}}(?:of|after|before)(?-u:\s){{1,8}}(?:(?:the|her|his|their|our)(?-u:\s){{1,8}}(?:[a-z0-9'-]{{1,15}}(?-u:\s){{1,8}}){{0,3}})?(?:{EVENTS})(?-u:\b)")), C::Date, Warn,
            "A day told by a local or family event dates it for anyone who was there.", 47),
        // "Christmas Eve she took an overdose", "Boxing Day was when he left".
        spec(r"(?i)(?:^|[.!?](?-u:\s){1,8}|\n(?:[-*>](?-u:\s){1,8})?)((?:christmas|new year'?s) (?:eve|day)|boxing day|mother'?s day|father'?s day|valentine'?s day|bonfire night|halloween|hogmanay|thanksgiving|diwali|eid|easter (?:sunday|monday)|good friday|anzac day|australia day|canada day|st\.? patrick'?s day)(?-u:\s){1,8}(?:was|is|he|she|they|we|i|his|her|their|my|mum|dad|mom)(?-u:\b)", C::Date, Warn,
            "A named day dates the event.", 47).group(1),
        // "died Diwali night", "Christmas morning".
        spec(r"(?i)(?-u:\b)(?:christmas|diwali|eid|easter|new year'?s|thanksgiving|halloween|hanukkah|passover|ramadan|holi|vaisakhi|navratri)(?-u:\s){1,8}(?:night|morning|evening|eve|day|dinner|lunch)(?-u:\b)", C::Date, Warn,
            "A named day dates the event.", 46).check(not_habitual),
        // "14/03", "11/02 sertraline up to 100": a day and a month, one of them zero-padded,
        // which no score or fraction is.
        spec(r"(?-u:\b)[0-9]{1,2}[/.][0-9]{1,2}\.?(?-u:\b)", C::Date, Warn,
            "A day and a month date the event.", 43).check(bare_day_month),
        // Australian numbers: "04 9157 0313", "02 9876 5432".
        spec(r"(?-u:\b)0[2-478][ -][0-9]{4}[ -][0-9]{4}(?-u:\b)|\(0[2-478]\)(?-u:\s)?[0-9]{4}[ -]?[0-9]{4}(?-u:\b)", C::Phone, Block,
            "A phone number leads straight to a person.", 84),
        // "ls7 3qn": a UK postcode typed in lower case.
        spec(r"(?-u:\b)[a-z]{1,2}[0-9][a-z0-9]?(?-u:\s)[0-9][a-z]{2}(?-u:\b)", C::Location, Block,
            "A postcode narrows where someone lives to a few streets.", 82).check(lower_postcode),
        // "out past Tullamine 2871": a town and its postcode.
        spec(r"[a-z](?-u:\s)([0-9]{4})(?-u:\b)", C::Location, Warn,
            "A four-digit number after a town may be its postcode.", 30).group(1).check(postcode_after_town),
        // "ninety-one", "a hundred and one" ("in her late nineties" is in `table`).
        spec(r"(?i)(?-u:\b)(?:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:a|one)[- ]hundred(?:(?: and)?[- ](?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))?)(?:[- ]years?[- ]old)?(?-u:\b)", C::Age, Warn,
            "An age over 89 is itself an identifier.", 69).check(age_in_words),
        // "| babcia Zofia | 92 |", "Zofia, 92, moved in": an age over 89 in a table's cell or
        // right after a name.
        spec(r"\|(?-u:\s){0,8}(9[0-9]|1[01][0-9])(?-u:\s){0,8}\|", C::Age, Block,
            "An age over 89 is itself an identifier.", 70).group(1),
        spec(r"[a-z)](?:,|(?-u:\s)\()(?-u:\s)?(9[0-9]|1[01][0-9])(?:,|\)|(?-u:\s)(?:and|years|yrs|in|\|))", C::Age, Block,
            "An age over 89 is itself an identifier.", 70).group(1).check(age_after_name),
        // "7F-2209-KQ41", "4471 K2 9930": a serial or reference in three or more groups.
        spec(r"(?-u:\b)[A-Z0-9]{1,6}(?:[ -][A-Z0-9]{1,6}){2,4}(?-u:\b)", C::OtherNumber, Warn,
            "A serial or reference number can lead back to one person.", 33).check(grouped_code),
        // "pushing 95", "nigh on 92".
        spec(r"(?i)(?-u:\b)(?:pushing|nearly|almost|nigh on|knocking on|getting on for|coming up to)(?-u:\s){1,8}(9[0-9]|1[01][0-9])(?-u:\b)", C::Age, Block,
            "An age over 89 is itself an identifier.", 70).group(1).check(age_not_unit),
        // "the hearing is in March": a month is a date element.
        spec(r"(?-u:\b)(?:January|February|March|April|May|June|July|August|September|October|November|December)(?-u:\b)", C::Date, Warn,
            "A month dates the event.", 38).check(month_after_preposition),
        // "the first Eid after they moved".
        spec(leaked(format!(r"(?i)(?-u:\b)the(?-u:\s){{1,8}}(?:(?:first|last|second|next)(?-u:\s){{1,8}})?(?:{NAMED_DAYS})(?-u:\s){{1,8}}(?:after|since|before|without|in|when)(?-u:\b)[^.\n]{{0,40}}")), C::Date, Warn,
            "A named day tied to an event dates it.", 47),
        // An Irish PPS number, its check letter right.
        spec(r"(?-u:\b)[0-9]{7}[A-W][A-IW]?(?-u:\b)", C::Ssn, Block,
            "A national ID number identifies one person.", 90).check(pps_number),
        // A UK driving licence number: surname, birth date, initials, check characters.
        spec(r"(?-u:\b)[A-Z9]{5}[0-9]{6}[A-Z9]{2}[0-9][A-Z]{2}(?-u:\b)", C::Licence, Block,
            "A driving licence number identifies one person.", 88),
        // "the only female harbourmaster on the estuary".
        spec(r"(?i)(?-u:\b)the only (?:[a-z'-]+ ){0,2}(?:harbou?rmaster|vet|doctor|gp|nurse|midwife|teacher|headteacher|priest|imam|rabbi|vicar|minister|pastor|pharmacist|dentist|police officer|policeman|firefighter|pilot|ferryman|skipper|postman|postmistress|shopkeeper|publican|solicitor|lawyer|judge|councillor|surgeon|paramedic|undertaker|blacksmith|farrier|ranger|warden|keeper|lifeguard|coach|referee|rider|jockey|player|driver|boxer|wrestler)s? (?:on|in|at|for|across) the (?:[a-z]+ )?(?:island|estuary|village|town|valley|coast|peninsula|estate|ward|base|river|loch|lake|reserve|station|county|district|parish|glen|mountain|isles?|circuit|tour|league|team|squad|force|crew)(?-u:\b)", C::Occupation, Warn,
            "A one-of-a-kind role points to one person.", 52),
        // "14th nov": a day and a month, the month abbreviated, in lower case.
        spec(r"(?i)(?-u:\b)[0-9]{1,2}(?:st|nd|rd|th)(?-u:\s){1,8}(?:of(?-u:\s){1,8})?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(?-u:\b)", C::Date, Block,
            "A day and month date the event.", 64),
        // "| NDIS no. | 431 889 207 |": a participant or member number after its name.
        spec(r"(?i)(?-u:\b)(?:ndis|medicaid|chip|member|policy|participant|client|customer|patient|student|employee|staff|payroll|badge)(?-u:\s){0,8}(?:no\.?|number|#|id)[^0-9\n]{0,12}([0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{3,4}|[A-Z]{0,3}[0-9]{5,10})(?-u:\b)", C::OtherNumber, Block,
            "A member, participant or staff number identifies one person.", 72).group(1),
        // "genogram_S4.png": a file attached or named in the post.
        spec(r"(?i)\.(?:png|jpe?g|gif|heic|webp|bmp|tiff?)(?-u:\b)", C::Image, Warn,
            "An image or its file can show or name the client.", 55).check(file_name),
        // Number plates: India ("KA 51 HQ 7302"), Victoria ("1KTR 492").
        spec(r"(?-u:\b)[A-Z]{2}[ -]?[0-9]{1,2}[ -]?[A-Z]{1,3}[ -]?[0-9]{4}(?-u:\b)", C::Vehicle, Block,
            "A number plate leads to one vehicle and its owner.", 80),
        spec(r"(?-u:\b)[0-9][A-Z]{3}[ -]?[0-9]{3}(?-u:\b)", C::Vehicle, Warn,
            "A number plate leads to one vehicle and its owner.", 78),
        // "the yellow house behind the Northern store": a home told by its landmarks.
        spec(r"(?i)(?-u:\b)(?:red|blue|green|yellow|white|pink|grey|gray|black|brown|orange|purple|corner|end|last|first|big|little|old)(?-u:\s){1,8}(?:house|flat|bungalow|cottage|caravan|trailer|farmhouse|place)(?-u:\s){1,8}(?:behind|past|next to|opposite|near|beside|across from|by)(?-u:\s){1,8}the(?-u:\s){1,8}[A-Za-z'’]+(?:(?-u:\s)[A-Za-z'’]+){0,2}", C::Location, Warn,
            "A home told by its landmarks can be found.", 50),
        // "one of the last hereditary veena makers in the old city".
        spec(r"(?i)(?-u:\b)one of the last(?-u:\s){1,8}(?:[a-z'’-]+(?-u:\s){1,8}){0,3}(?:makers|maker|players|keepers|keeper|speakers|weavers|smiths|blacksmiths|builders|craftsmen|craftswomen|fishermen|shepherds|practitioners|families|family)(?:(?-u:\s){1,8}(?:in|on|of|at)(?-u:\s){1,8}the(?-u:\s){1,8}[a-z]+(?:(?-u:\s)[a-z]+)?)?", C::Occupation, Warn,
            "A one-of-a-kind role points to one person.", 52),
        // "Fair Friday", "the Gala Day": a town's own day.
        spec(r"(?i)(?-u:\b)(?:gala|fair|show|carnival|regatta|sports|field|founders'?|homecoming|games|pride|parade|agricultural show|county fair|state fair|highland games)(?-u:\s){1,8}(?:day|monday|tuesday|friday|saturday|sunday|week|weekend|night)(?-u:\b)", C::Date, Warn,
            "A town's own day dates the event.", 45).check(capitalised_day),
        // "CAS 148/09/2024", "Case No. 14/2231/2023".
        spec(r"(?i)(?-u:\b)(?:case|cas|claim|file|ref|reference|docket|matter)(?:(?-u:\s){1,8}(?:no\.?|number|ref))?[ \t:#.]{0,8}([A-Z0-9]{1,6}(?:[/-][0-9]{1,6}){2,3})(?-u:\b)", C::OtherNumber, Block,
            "A case, claim or court number identifies one person.", 73).group(1),
        // "LPC 78214": a professional licence or registration number.
        spec(r"(?-u:\b)(?:LPC|LCSW|LMFT|LMHC|LPCC|LCPC|LISW|LSW|LPN|NPI|HCPC|PSI|NMC|BACP|UKCP|AHPRA|CORU|LCSW-C|RN)(?-u:\s)?(?:#|no\.?)?(?-u:\s)?([A-Z]{0,3}[0-9]{4,10})(?-u:\b)", C::Licence, Block,
            "A licence or registration number identifies one person.", 86).group(1),
    ]
}
