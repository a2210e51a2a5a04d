//! Classification of lines that are not running text: furniture, bylines, picture noise.

pub mod byline;
pub mod evidence;
pub mod furniture;
pub mod junk;
