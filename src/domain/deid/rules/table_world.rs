//! Rules from the seventh held-out file's misses: identifiers of other countries' shapes (a
//! Brazilian CPF, a German day and month with its closing dot, a phone written with a slash or
//! spaced out digit by digit), keys and handles a machine made, a feast day, a school week, and
//! an age over 89 after "is" or "I'm". Most are warnings: the shape is a strong guess.

use super::world_checks::{
    age_after_verb, day_month_dot, dotted_handle, long_grouped_number, named_day, not_a_label,
    slashed_reference,
};
use super::{Spec, spec};
use crate::domain::deid::Category as C;
use crate::domain::deid::Severity::{Block, Warn};

pub(super) fn world_specs() -> Vec<Spec> {
    vec![
        // CPF "418.305.927-50", PIS/NIS "129.48307.15-7": national numbers in dotted groups
        // with a check digit after a dash.
        spec(r"(?-u:\b)(?:[0-9]{3}\.[0-9]{3}\.[0-9]{3}-[0-9]{2}|[0-9]{3}\.[0-9]{5}\.[0-9]{2}-[0-9])(?-u:\b)", C::Ssn, Block,
            "A national identity number identifies one person.", 90),
        // "birthday 3.10., same as", "started 24.12., colleagues'": a day and month with the
        // closing dot German and Scandinavian dates take, inside a sentence (a score closing
        // one, "EDE-Q global 4.1. Family-based…", is no date).
        spec(r"(?-u:\b)((?:0?[1-9]|[12][0-9]|3[01])\.(?:0?[1-9]|1[0-2])\.)(?:,|\)|[ \t][a-z])", C::Date, Warn,
            "A day and month date the event.", 46).group(1).check(day_month_dot),
        // A payment key or record id: "7f3c2a91-5be4-4d0e-9a6f-21c8e4b07d13".
        spec(r"(?i)(?-u:\b)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?-u:\b)", C::OtherNumber, Block,
            "A key or id made for one account leads to its owner.", 75),
        // "kemo_plays_du", "adi.menon_07": a word joined by an underscore is a handle or a
        // user name far more often than anything in clinical prose.
        spec(r"(?-u:\b)[A-Za-z][A-Za-z0-9]{0,30}(?:[._][A-Za-z0-9]{1,30})?_[A-Za-z0-9]{1,30}(?:[._][A-Za-z0-9]{1,30}){0,3}(?-u:\b)", C::SocialHandle, Warn,
            "A user name leads to the person's accounts.", 54).check(not_a_label)
            // A word's letters before the underscore would make the union's automaton follow
            // every word; the underscore itself is rare.
            .trigger(r"[A-Za-z0-9]_[A-Za-z0-9]"),
        // "0 2 7 - 3 3 1 - 8 8 4 2": a phone number spaced out digit by digit.
        spec(r"(?-u:\b)[0-9](?: [0-9]){1,4} ?- ?[0-9](?: [0-9]){1,4} ?- ?[0-9](?: [0-9]){2,5}(?-u:\b)", C::Phone, Block,
            "A phone number spaced out is still a phone number.", 84),
        // Brazil "(81) 9 9834-2107".
        spec(r"\([0-9]{2}\)(?-u:\s)?(?:9(?-u:\s)?)?[0-9]{4}-[0-9]{4}(?-u:\b)", C::Phone, Block,
            "A phone number leads straight to its owner.", 84),
        // Germany "0203 / 4471 902", even across a line.
        spec(r"(?-u:\b)0[0-9]{2,4}(?-u:\s){0,3}/(?-u:\s){0,8}[0-9]{3,4}(?-u:\s)?[0-9]{2,4}(?-u:\b)", C::Phone, Warn,
            "A phone number leads straight to its owner.", 70),
        // Ireland "01 263 904".
        spec(r"(?-u:\b)0[1-9][0-9]?(?-u:\s)[0-9]{3}(?-u:\s)[0-9]{3,4}(?-u:\b)", C::Phone, Warn,
            "A phone number leads straight to its owner.", 68),
        // "the Feast of the Holy Translators", "the eve of the Feast of the Cross".
        spec(r"(?-u:\b)(?:(?:[Tt]he(?-u:\s){1,8})?(?:eve|day|morning|night|week)(?-u:\s){1,8}of(?-u:\s){1,8}the(?-u:\s){1,8})?Feast(?-u:\s){1,8}of(?-u:\s){1,8}(?:the(?-u:\s){1,8}|St\.?(?-u:\s){1,8}|Saint(?-u:\s){1,8}|Our(?-u:\s){1,8})?[A-Z][a-z]{1,20}(?:(?-u:\s){1,8}[A-Z][a-z]{1,20}){0,3}", C::Date, Warn,
            "A feast day dates the event.", 47),
        // "week 3 of Term 2": a school week.
        spec(r"(?i)(?-u:\b)week(?-u:\s){1,8}[0-9]{1,2}(?-u:\s){1,8}of(?-u:\s){1,8}(?:term|semester|trimester)(?-u:\s){1,8}[0-9](?-u:\b)", C::Date, Warn,
            "A week of a school term dates the event.", 46),
        // "8月28日", "2019年3月": a date in Japanese or Chinese.
        spec(r"(?:[0-9]{4}年)?[0-9]{1,2}月(?:[0-9]{1,2}日)?|[0-9]{4}年[0-9]{1,2}月", C::Date, Block,
            "A day and month date the event.", 64),
        // "Farmers Day", "Respect for the Aged Day", "Golden Week": a named day or week.
        spec(r"(?-u:\b)((?:[A-Z][a-z]{1,15}(?:'s|s')?(?-u:\s)(?:(?:for|of|the)(?-u:\s)){0,2}){1,3}(?:Day|Week))(?-u:\b)", C::Date, Warn,
            "A named day dates the event.", 44).group(1).check(named_day)
            // At most 81 bytes before the trigger, inside the windows' reach.
            .trigger(r"(?-u:\s)(?:Day|Week)(?-u:\b)"),
        // "11-2847-3309", "4132 7805 1962", "9710.11.80208": a long number in groups, one of
        // four digits or more, that no keyword announced.
        spec(r"(?-u:\b)[0-9]{2,5}(?:[ .-][0-9]{2,6}){2,4}(?-u:\b)", C::OtherNumber, Warn,
            "A long number may be an account, an ID or a phone number.", 33).check(long_grouped_number),
        // "KPC/MH/0412/19": a reference in slashed groups.
        spec(r"(?-u:\b)[A-Z]{2,6}(?:/[A-Z0-9]{1,6}){2,4}(?-u:\b)", C::OtherNumber, Warn,
            "A reference number identifies one person's record.", 58).check(slashed_reference),
        // "ryu.0823": a handle with a number after a dot.
        spec(r"(?-u:\b)[a-z][a-z0-9_]{1,20}\.[0-9]{2,6}(?-u:\b)", C::SocialHandle, Warn,
            "A user name leads to the person's accounts.", 54).check(dotted_handle),
        // "Kishimoto-sensei", "Haru-kun": a name with a Japanese honorific.
        spec(r"(?-u:\b)[A-Z][a-z]{1,20}-(?:sensei|san|kun|chan|sama|senpai)(?-u:\b)", C::Name, Block,
            "A name, even a first name or a nickname, can be enough for someone who knows the client.", 62),
        // "Mr. Doucet is 92", "I'm 97 and everybody wants my house".
        spec(r"(?i)(?-u:\b)(?:is|was|am|i'm|i am|turns|turned|now)(?-u:\s){1,8}(9[0-9]|1[01][0-9])(?-u:\b)", C::Age, Warn,
            "An age over 89 is itself an identifier.", 69).group(1).check(age_after_verb),
    ]
}
