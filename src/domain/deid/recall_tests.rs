//! The recall-first rules: names nobody listed, dates told by a local event or by a bare day
//! and month, numbers of other countries' shapes, ages over 89 in words, serials in groups;
//! each beside the clinical writing it must leave alone.

use super::tests::{clean, has};

#[test]
fn names_nobody_listed() {
    assert!(has(
        "Korean-Australian client, 김민준 (Min-jun, goes by MJ at uni), 20.",
        "name",
        "김민준"
    ));
    assert!(has(
        "Stuck on engagement. Abdurakhmon is still refusing the interpreter.",
        "name",
        "Abdurakhmon"
    ));
    assert!(has(
        "quick q before clinic. seeing jayden tmrw after school",
        "name",
        "jayden"
    ));
    assert!(has(
        "Reflective practice post. Worked with Hope for two years.",
        "name",
        "Hope"
    ));
    assert!(has(
        "Third cancellation. Grace cancelled again this morning.",
        "name",
        "Grace"
    ));
    assert!(has(
        "Her older brother K was stabbed last year.",
        "name",
        "K"
    ));
    assert!(has(
        "She left New Covenant Fellowship two years ago.",
        "organization",
        "New Covenant Fellowship"
    ));
    assert!(has("Then Dizzy says school is pointless.", "name", "Dizzy"));
    assert!(has(
        "Client: 김지훈 (uses \"Jay\" with friends). 19.",
        "name",
        "김지훈"
    ));
    assert!(has(
        "Client: 김지훈 (uses \"Jay\" with friends). 19.",
        "name",
        "Jay"
    ));
    assert!(has(
        "She brings her dog into every story: the real dog is Biscuit.",
        "name",
        "Biscuit"
    ));
    assert!(has(
        "| Nan Pat | Dean's nan | holds the family together |",
        "name",
        "Pat"
    ));
    assert!(has(
        "Seeing kev weekly since he got laid off.",
        "name",
        "kev"
    ));
    assert!(has(
        "Her mother is ninety-three and now at The Laurels.",
        "organization",
        "Laurels"
    ));
    clean("Seeing improvement weekly; met criteria for PTSD; with ptsd symptoms.");
    // Jargon, contractions, compounds and letters that label things stay words.
    clean("Interoceptive exposure went well. Countertransference was strong.");
    clean("They're stuck. We've tried everything. Handover was rushed.");
    clean("We moved to Plan B and vitamin D. Client 29F, PG-13-R is 41.");
    clean("She says hope is hard. Hope feels like a trap to her.");
    clean("Tokophobia is the main issue; prazosin helped the nightmares.");
    clean("The referral was slow. Referral criteria changed last year.");
    clean("She attends the Catholic Church every week.");
}

#[test]
fn dates_no_keyword_announces() {
    assert!(has(
        "The panic started the Sunday after the harvest supper when she read.",
        "date",
        "harvest supper"
    ));
    assert!(has(
        "Crisis plan. Christmas Eve she took an overdose.",
        "date",
        "Christmas Eve"
    ));
    assert!(has(
        "Dad died Diwali night four years ago.",
        "date",
        "Diwali night"
    ));
    assert!(has(
        "she mentioned 14/03 was the first time",
        "date",
        "14/03"
    ));
    assert!(has(
        "Timeline:\n11/02 sertraline up to 100\n3.7. switched to mirtazapine",
        "date",
        "11/02"
    ));
    assert!(has(
        "Timeline:\n11/02 sertraline up to 100\n3.7. switched to mirtazapine",
        "date",
        "3.7"
    ));
    assert!(has(
        "Timeline:\n28.11 first disclosure to the nurse",
        "date",
        "28.11"
    ));
    clean("PHQ-9 was 9/10 at intake and 2/7 of the goals are met.");
    clean("Plan:\n2.1 History of the difficulty\n3.10 Risk");
    clean("lithium 0.5 mg and a score of 3/10 for pain");
    clean("We met every Christmas morning for the group.");
}

#[test]
fn numbers_of_other_shapes() {
    assert!(has(
        "She left her number as 04 9157 0313 at reception.",
        "phone",
        "04 9157 0313"
    ));
    assert!(has(
        "home visit ls7 3qn on the subject line",
        "location",
        "ls7 3qn"
    ));
    assert!(has(
        "Family lives out past Tullamine 2871, two hours away.",
        "location",
        "2871"
    ));
    assert!(has(
        "Older adult, ninety-one, referred by her GP.",
        "age",
        "ninety-one"
    ));
    assert!(has(
        "She looks after her mum, in her late nineties, at home.",
        "age",
        "nineties"
    ));
    assert!(has(
        "He emailed photos of the serial (7F-2209-KQ41) to me.",
        "other_number",
        "7F-2209-KQ41"
    ));
    assert!(has(
        "| babcia Zofia | 92 | moved in after a fall |",
        "age",
        "92"
    ));
    assert!(has(
        "My client is 93 and her husband is a hundred and one.",
        "age",
        "hundred and one"
    ));
    assert!(has("Her mother, Edith, 94, lives with them.", "age", "94"));
    assert!(has(
        "Grandad is pushing 95 and still lives with them.",
        "age",
        "95"
    ));
    assert!(has(
        "He brought his PPS letter, number 7074583G, to ask.",
        "ssn",
        "7074583G"
    ));
    assert!(has(
        "He recited it: MORGA703116SM9IJ.",
        "licence",
        "MORGA703116SM9IJ"
    ));
    assert!(has(
        "She is the only female harbourmaster on the estuary.",
        "occupation",
        "harbourmaster"
    ));
    assert!(has("Elder client, 97, asked me to help her.", "age", "97"));
    assert!(has(
        "Mrs Pattinson, 94 in the spring, still at home.",
        "age",
        "94"
    ));
    assert!(has(
        "| NDIS no. | 431 889 207 |",
        "other_number",
        "431 889 207"
    ));
    assert!(has(
        "I've attached genogram_S4.png for context.",
        "image",
        "genogram_S4.png"
    ));
    assert!(has(
        "Plate was KA 51 HQ 7302, seen twice.",
        "vehicle",
        "KA 51 HQ 7302"
    ));
    assert!(has(
        "They live in the yellow house behind the Northern store.",
        "location",
        "yellow house"
    ));
    assert!(has(
        "Client is Dr. Kessler, an anesthesiologist.",
        "name",
        "Kessler"
    ));
    assert!(has("seen on 14th nov at the clinic", "date", "14th nov"));
    clean("K10 of 32; the Kessler scale and the file notes.pdf were reviewed.");
    clean("The group ran for ninety minutes with ninety per cent attendance.");
    clean("There are a hundred and one reasons to stop, and the unit has 95 beds.");
    clean("Coded ICD-11 6B41 and DSM-5-TR 309.81 in 2019; Windows 2000 crashed.");
    clean("Take b12 3mg daily.");
}
