//! Which page of a case's replies a reader gets (`?page=`, `?reply=`), counted among the replies
//! that reader may see.

use crate::model::{ReplyId, ReplyPageRequest, ReplyPages};
use crate::server::error::AppError;

/// The page of replies to show: the one holding the asked-for reply if this reader may see it
/// (otherwise the first, so a link reveals nothing about a reply the reader may not see), else
/// the asked-for page, with a page past the end read as the last (replies hidden since a link
/// was made shorten the thread).
/// `position` finds a reply among the `total` this reader may see.
pub(super) fn reply_page(
    total: usize,
    position: impl Fn(ReplyId) -> Option<usize>,
    at: ReplyPageRequest,
) -> Result<ReplyPages, AppError> {
    let pages = total.div_ceil(ReplyPages::SIZE).max(1) as u32;
    let page = match (at.reply, at.page) {
        (Some(reply), _) => position(reply).map_or(1, |i| (i / ReplyPages::SIZE) as u32 + 1),
        (None, Some(0)) => {
            return Err(AppError::BadRequest(
                "That page of replies is not valid: pages are numbered from 1.".into(),
            ));
        }
        (None, Some(page)) => page.min(pages),
        (None, None) => 1,
    };
    Ok(ReplyPages { page, pages, total })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(total: usize, at: ReplyPageRequest) -> Result<(u32, u32), String> {
        // Reply ids 1..=total, in order.
        reply_page(total, |r| (1..=total as i64).position(|id| id == r.0), at)
            .map(|p| (p.page, p.pages))
            .map_err(|e| e.to_string())
    }

    fn asking(page: Option<u32>, reply: Option<i64>) -> ReplyPageRequest {
        ReplyPageRequest {
            page,
            reply: reply.map(ReplyId),
        }
    }

    #[test]
    fn the_page_of_replies_is_the_asked_one_the_one_holding_a_reply_or_the_first() {
        let size = ReplyPages::SIZE;
        assert_eq!(page(0, asking(None, None)), Ok((1, 1)));
        assert_eq!(page(size, asking(None, None)), Ok((1, 1)));
        assert_eq!(page(size + 1, asking(None, None)), Ok((1, 2)));
        assert_eq!(page(size + 1, asking(Some(2), None)), Ok((2, 2)));
        // Past the end: the last page.
        assert_eq!(page(size + 1, asking(Some(9), None)), Ok((2, 2)));
        assert_eq!(page(3 * size, asking(Some(u32::MAX), None)), Ok((3, 3)));
        assert!(page(size, asking(Some(0), None)).is_err());
        // A reply decides over a page number.
        assert_eq!(
            page(2 * size + 1, asking(Some(1), Some(size as i64 + 1))),
            Ok((2, 3))
        );
        assert_eq!(
            page(2 * size + 1, asking(None, Some(size as i64))),
            Ok((1, 3))
        );
        assert_eq!(
            page(2 * size + 1, asking(None, Some(2 * size as i64 + 1))),
            Ok((3, 3))
        );
        // A reply this reader may not see (or none at all) gives the first page, whatever
        // page was asked for: the answer must not depend on the hidden reply.
        assert_eq!(
            page(2 * size + 1, asking(Some(3), Some(99_999))),
            Ok((1, 3))
        );
    }
}
