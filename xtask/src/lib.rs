//! Developer tasks for newsclean, as a library so that tests can share them: the gold-page
//! metrics ([`score`]) and the eval over the repo's gold folder ([`eval`]).

pub mod corpus;
pub mod eval;
pub mod learn_eval;
pub mod realpages_eval;
pub mod score;
