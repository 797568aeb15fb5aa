use super::*;
use crate::domain::role::Roles;
use crate::model::UserId;

fn member(id: i64, roles: &[Role]) -> Actor {
    Actor {
        user_id: UserId(id),
        roles: Roles::new(roles.iter().copied()),
    }
}

fn limiter(count: u32, secs: u64, staff: Option<u32>) -> RateLimiter {
    let mut limits = RateLimits::default();
    limits.set(
        RateKind::Reply,
        RateRule {
            count,
            window: Duration::from_secs(secs),
        },
    );
    limits.staff_factor = staff;
    RateLimiter::new(limits)
}

#[test]
fn a_member_gets_the_count_then_waits_for_the_window_to_refill() {
    let l = limiter(3, 60, Some(5));
    let a = member(1, &[Role::Clinician]);
    for _ in 0..3 {
        assert!(l.take(RateKind::Reply, Some(&a), None, 100).is_ok());
    }
    match l.take(RateKind::Reply, Some(&a), None, 100) {
        Err(AppError::RateLimited { retry_after, .. }) => assert_eq!(retry_after, 20),
        other => panic!("expected a refusal, got {other:?}"),
    }
    // Another kind and another member are counted apart.
    assert!(l.take(RateKind::Case, Some(&a), None, 100).is_ok());
    assert!(
        l.take(RateKind::Reply, Some(&member(2, &[])), None, 100)
            .is_ok()
    );
    assert!(l.take(RateKind::Reply, Some(&a), None, 120).is_ok());
    assert!(l.take(RateKind::Reply, Some(&a), None, 120).is_err());
}

#[test]
fn an_address_is_limited_across_members_and_a_refusal_costs_nothing() {
    let l = limiter(1, 60, Some(5));
    let ip = IpAddr::from([10, 0, 0, 7]);
    for id in 1..=4 {
        assert!(
            l.take(RateKind::Reply, Some(&member(id, &[])), Some(ip), 0)
                .is_ok()
        );
    }
    assert!(
        l.take(RateKind::Reply, Some(&member(5, &[])), Some(ip), 0)
            .is_err(),
        "a fifth member on the same address"
    );
    // Member 5 was refused by the address, so their own bucket is still full elsewhere.
    assert!(
        l.take(
            RateKind::Reply,
            Some(&member(5, &[])),
            Some(IpAddr::from([10, 0, 0, 8])),
            0
        )
        .is_ok()
    );
}

#[test]
fn staff_get_the_factor_or_no_limit() {
    let m = member(9, &[Role::Moderator]);
    let l = limiter(2, 60, Some(3));
    for _ in 0..6 {
        assert!(l.take(RateKind::Reply, Some(&m), None, 0).is_ok());
    }
    assert!(l.take(RateKind::Reply, Some(&m), None, 0).is_err());
    let l = limiter(1, 60, None);
    for _ in 0..50 {
        assert!(l.take(RateKind::Reply, Some(&m), None, 0).is_ok());
    }
}
