//! Reading order: text that extraction printed out of order moved back.

pub mod continuation;
pub mod interleave;
pub mod latin_interleave;
pub mod reading_order;
