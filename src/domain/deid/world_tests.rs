//! Rounds four and five: identifiers of other countries' shapes, named days and handles, each
//! beside the clinical writing it must leave alone.

use super::tests::{clean, has};

/// Round four: shapes held-out file 7 showed.
#[test]
fn numbers_and_days_of_other_countries() {
    assert!(has(
        "CPF 418.305.927-50 on the form.",
        "ssn",
        "418.305.927-50"
    ));
    assert!(has(
        "NIS 129.48307.15-7, Bolsa Família.",
        "ssn",
        "129.48307.15-7"
    ));
    assert!(has(
        "- birthday 3.10., same as the public holiday",
        "date",
        "3.10."
    ));
    assert!(has(
        "Pix key 7f3c2a91-5be4-4d0e-9a6f-21c8e4b07d13 on the receipt.",
        "other_number",
        "7f3c2a91-5be4-4d0e-9a6f-21c8e4b07d13"
    ));
    assert!(has(
        "streams on Twitch as kemo_plays_du most nights",
        "social_handle",
        "kemo_plays_du"
    ));
    assert!(has(
        "her number is 0 2 7 - 3 3 1 - 8 8 4 2 if needed",
        "phone",
        "0 2 7 - 3 3 1 - 8 8 4 2"
    ));
    assert!(has(
        "Mãe's mobile (81) 9 9834-2107.",
        "phone",
        "(81) 9 9834-2107"
    ));
    assert!(has(
        "Landline 0203 /\n  4471 902 still works.",
        "phone",
        "0203 /\n  4471 902"
    ));
    assert!(has(
        "He relapsed on the eve of the Feast of the Cross.",
        "date",
        "Feast of the Cross"
    ));
    assert!(has(
        "It started in week 3 of Term 2.",
        "date",
        "week 3 of Term 2"
    ));
    assert!(has("Mr. Doucet is 92 and lives alone.", "age", "92"));
    assert!(has(
        "PT: Like I'm 97 and everybody wants my house.",
        "age",
        "97"
    ));
    assert!(has("| Client | Zeinab (Z), 94 |", "age", "94"));
    assert!(has(
        "He went missing the week after the kapa haka regionals.",
        "date",
        "the week after the kapa haka regionals"
    ));
    assert!(has(
        "PT: Call me Catfish. Everybody does.",
        "name",
        "Catfish"
    ));
    clean("EDE-Q global 4.1. Family-based treatment is not an option.");
    clean("Her IQ is 95 and her processing speed is 102.");
    clean("The hui was held on the marae, and the tikanga of the hui shaped the plan.");
    clean("I've been trying some of Chochinov's Dignity Therapy questions instead.");
    clean("See section 3.10. for the rule; sats were 94 on air.");
    clean("He lives with his Teta and his Khalto, and calls his Nonc on Sundays.");
}

/// Round five: shapes held-out file 8 showed.
#[test]
fn long_numbers_named_days_and_honorifics() {
    assert!(has(
        "She paid it into 9710.11.80208 again.",
        "other_number",
        "9710.11.80208"
    ));
    assert!(has(
        "it was 4132 7805 1962 on the form",
        "other_number",
        "4132 7805 1962"
    ));
    assert!(has(
        "File KPC/MH/0412/19 is the old one.",
        "other_number",
        "KPC/MH/0412/19"
    ));
    assert!(has(
        "She posts as ryu.0823 now.",
        "social_handle",
        "ryu.0823"
    ));
    assert!(has(
        "Kishimoto-sensei called me.",
        "name",
        "Kishimoto-sensei"
    ));
    assert!(has(
        "It was 8月28日, the day before school.",
        "date",
        "8月28日"
    ));
    assert!(has(
        "He relapsed on Respect for the Aged Day.",
        "date",
        "Respect for the Aged Day"
    ));
    assert!(has(
        "The invite was discord.gg/eelamboyz.",
        "url",
        "discord.gg/eelamboyz"
    ));
    assert!(has(
        "Account 9710.11.80208 at the credit union.",
        "account",
        "9710.11.80208"
    ));
    clean("Diagnosis code F43.10, then code F43.1 on the second letter.");
    clean("Scores went 2019 2020 2021 in the audit, and fig.12 shows it.");
    clean("One Day at a time, she says; Every Day is hard.");
    clean("Sertraline 12.5-50 mg over 4-6 weeks; the PHQ/GAD screen was done.");
}
