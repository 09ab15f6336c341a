//! What the derives read, apart from what they write: the `#[fw(...)]` grammar (`attr`), the
//! shape of each input (`ast`), the rules between attributes (`check`), the shapes of
//! types looked into (`ty`) and the collection of every error (`ctxt`). Nothing here emits
//! code, and nothing here depends on the writers.

pub mod ast;
pub mod attr;
pub mod check;
pub mod ctxt;
pub mod ty;
