//! [`RuleId`]: the id of the rule that made an edit, interned once a process so an edit
//! stores a pointer, not an allocated copy of the id.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::{OnceLock, PoisonError, RwLock};

use rustc_hash::FxHashSet;
use serde::{Serialize, Serializer};

/// A rule id (`layout.paragraphs.join-cjk`, `zh.comma`, a user rule's `my.rule`, …), interned: every
/// distinct id is stored once a process (the registered ids and the ids of the rule files
/// loaded), and a `RuleId` is a copyable pointer to it. It reads as a `&str` (`Deref`,
/// `as_str`), compares with strings, and serialises as the id's text.
#[derive(Clone, Copy)]
pub struct RuleId(&'static str);

fn table() -> &'static RwLock<FxHashSet<&'static str>> {
    static TABLE: OnceLock<RwLock<FxHashSet<&'static str>>> = OnceLock::new();
    TABLE.get_or_init(Default::default)
}

impl RuleId {
    /// The interned id for `id` (stored on its first use; the store holds each distinct id
    /// once, so it grows with the number of rules, not of edits).
    pub fn new(id: &str) -> Self {
        let t = table();
        if let Some(&s) = t.read().unwrap_or_else(PoisonError::into_inner).get(id) {
            return RuleId(s);
        }
        let mut w = t.write().unwrap_or_else(PoisonError::into_inner);
        if let Some(&s) = w.get(id) {
            return RuleId(s);
        }
        let s: &'static str = Box::leak(id.to_owned().into_boxed_str());
        w.insert(s);
        RuleId(s)
    }

    /// The id's text.
    pub fn as_str(&self) -> &'static str {
        self.0
    }
}

impl Deref for RuleId {
    type Target = str;
    fn deref(&self) -> &str {
        self.0
    }
}

impl AsRef<str> for RuleId {
    fn as_ref(&self) -> &str {
        self.0
    }
}

impl Borrow<str> for RuleId {
    fn borrow(&self) -> &str {
        self.0
    }
}

impl PartialEq for RuleId {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0) || self.0 == other.0
    }
}

impl Eq for RuleId {}

impl Hash for RuleId {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state)
    }
}

impl PartialOrd for RuleId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for RuleId {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.cmp(other.0)
    }
}

impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for RuleId {
    fn eq(&self, other: &String) -> bool {
        self.0 == other.as_str()
    }
}

impl PartialEq<RuleId> for str {
    fn eq(&self, other: &RuleId) -> bool {
        self == other.0
    }
}

impl PartialEq<RuleId> for &str {
    fn eq(&self, other: &RuleId) -> bool {
        *self == other.0
    }
}

impl PartialEq<RuleId> for String {
    fn eq(&self, other: &RuleId) -> bool {
        self.as_str() == other.0
    }
}

impl fmt::Debug for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0, f)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl From<&str> for RuleId {
    fn from(id: &str) -> Self {
        RuleId::new(id)
    }
}

impl From<&String> for RuleId {
    fn from(id: &String) -> Self {
        RuleId::new(id)
    }
}

impl From<String> for RuleId {
    fn from(id: String) -> Self {
        RuleId::new(&id)
    }
}

impl From<&RuleId> for RuleId {
    fn from(id: &RuleId) -> Self {
        *id
    }
}

impl From<RuleId> for String {
    fn from(id: RuleId) -> Self {
        id.0.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_id_is_stored_once_and_reads_as_its_text() {
        let a = RuleId::new("layout.paragraphs.join-cjk");
        let b = RuleId::from(String::from("layout.paragraphs.join-cjk"));
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
        assert_eq!(a, b);
        assert_eq!(a, "layout.paragraphs.join-cjk");
        assert!("layout.paragraphs.join-cjk" == a);
        assert_ne!(a, RuleId::new("layout.paragraphs.join-latin"));
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"layout.paragraphs.join-cjk\"");
        assert_eq!(format!("{a} {a:?}"), "layout.paragraphs.join-cjk \"layout.paragraphs.join-cjk\"");
    }
}
