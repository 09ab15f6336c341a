//! `#[derive(Enum)]`'s output: the faces of `rt::Wire` for an enumerated type (read by its
//! first token, a value the spec does not list kept as sent by an open enum and as raw
//! invalid JSON by a closed one), its wire form and place in the list, serde and `Display`.

use proc_macro2::TokenStream as Tokens;
use quote::quote;
use syn::{Ident, Lit};

use crate::internals::ast::Enum;

pub fn write(e: &Enum<'_>) -> Tokens {
    let name = e.ident;
    let (open, documented, int) = (e.open, e.documented.is_some(), e.int);
    let idents: Vec<&Ident> = e.values.iter().map(|v| v.ident).collect();
    let lits: Vec<&Lit> = e.values.iter().map(|v| &v.wire).collect();
    let shown: Vec<String> = lits
        .iter()
        .map(|l| match l {
            Lit::Str(s) => format!("{:?}", s.value()),
            Lit::Int(i) => i.base10_digits().to_string(),
            _ => String::new(),
        })
        .collect();
    let expected = format!("one of {}", shown.join(", "));
    let ints: Vec<Tokens> = lits.iter().map(|l| quote!(#l)).collect();

    // Reading: the value's first token decides; a value of the right JSON type that the
    // spec does not list is kept as sent (open enums) or as raw invalid JSON (closed ones).
    let (read_known, to_scalar_other, serialize_other, from_lit_other, sample_other) = if int {
        (
            quote! {
                if !peek.is_num() { return r.invalid(peek); }
                let start = r.mark();
                let Some(n) = r.int()? else { return r.invalid_since(start) };
            },
            quote!(crate::rt::Scalar::Int(*n)),
            quote!(s.serialize_i64(*n)),
            quote!(crate::rt::Scalar::Int(n) => Some(#name::Other(*n)),),
            quote!(#name::Other(g.other_integer())),
        )
    } else {
        (
            quote! {
                if peek != crate::rt::Peek::String { return r.invalid(peek); }
                let start = r.mark();
                let n = r.str()?;
            },
            quote!(crate::rt::Scalar::Str(n)),
            quote!(s.serialize_str(n)),
            quote!(crate::rt::Scalar::Str(n) => Some(#name::Other(crate::rt::Text::from(*n))),),
            quote!(#name::Other(crate::rt::Text::from(g.other_text()))),
        )
    };
    let other_read = match (open, int) {
        (true, true) => quote!(Ok(crate::rt::Field::Value(#name::Other(n)))),
        (true, false) => quote!(Ok(crate::rt::Field::Value(#name::Other(crate::rt::Text::from(n))))),
        (false, _) => quote!({
            let _ = n;
            r.invalid_since(start)
        }),
    };
    let (other_arm_scalar, other_arm_ser, other_lit, listed_check, n_listed) = if open {
        (
            quote!(#name::Other(n) => #to_scalar_other,),
            quote!(#name::Other(n) => #serialize_other,),
            from_lit_other,
            // Values the page says occur beyond its list are not undocumented.
            if documented {
                quote!()
            } else {
                quote! {
                    if let #name::Other(n) = self {
                        walk.unlisted(#to_scalar_other, #expected);
                    }
                }
            },
            quote!(#name::Other(_) => None,),
        )
    } else {
        (quote!(), quote!(), quote!(), quote!(), quote!())
    };
    let scalars: Vec<Tokens> =
        lits.iter().map(|l| if int { quote!(crate::rt::Scalar::Int(#l)) } else { quote!(crate::rt::Scalar::Str(#l)) }).collect();
    let n = idents.len();
    let wire_doc =
        format!("The value as the wire carries it{}.", if open { "; for a value the spec does not list, what was sent" } else { "" });
    let index_doc = "The position of the value in the spec's list; `None` for a value the spec does not list.";
    let matches_read = if int {
        quote! { match n { #(#ints => Ok(crate::rt::Field::Value(#name::#idents)),)* n => #other_read } }
    } else {
        quote! { match n { #(#lits => Ok(crate::rt::Field::Value(#name::#idents)),)* n => #other_read } }
    };
    // Only an open enum has an `Other` to name.
    let other_wire = match (open, int) {
        (true, true) => quote!(#name::Other(n) => *n,),
        (true, false) => quote!(#name::Other(n) => n,),
        (false, _) => quote!(),
    };
    let wire_fn = if int {
        quote! {
            #[doc = #wire_doc]
            pub fn wire(&self) -> i64 {
                match self { #(#name::#idents => #ints,)* #other_wire }
            }
        }
    } else {
        quote! {
            #[doc = #wire_doc]
            pub fn as_str(&self) -> &str {
                match self { #(#name::#idents => #lits,)* #other_wire }
            }
        }
    };
    let index: Vec<usize> = (0..n).collect();
    // Seeded fixtures reach the values the page documents beyond its list.
    let sample_documented = if documented {
        quote! {
            if g.documented_other() {
                return #sample_other;
            }
        }
    } else {
        quote!()
    };

    quote! {
        impl crate::rt::WireRead for #name {
            fn read(r: &mut crate::rt::Reader<'_>, peek: crate::rt::Peek) -> Result<crate::rt::Field<Self>, crate::rt::Error> {
                #read_known
                #matches_read
            }
        }

        impl crate::rt::WireCheck for #name {
            const EXPECTED: &'static str = #expected;
            // Only an open enum has something to say about a value it read.
            const CHECKS: bool = #open;

            fn mismatch(found: &crate::rt::Raw) -> crate::rt::Mismatch {
                crate::rt::Mismatch::enumeration(#expected, #int, found)
            }

            fn check<'a>(&'a self, walk: &mut crate::rt::Walk<'a>, _: &'static crate::rt::FieldSpec) {
                let _ = &walk;
                #listed_check
            }
        }

        impl crate::rt::WireScan for #name {}

        impl crate::rt::WireSample for #name {
            fn sample(g: &mut crate::rt::Gen, spec: &'static crate::rt::FieldSpec) -> Self {
                const ALL: [#name; #n] = [#(#name::#idents),*];
                #sample_documented
                ALL[g.pick_hinted(spec, &[#(#scalars),*])].clone()
            }
        }

        impl crate::rt::WireNode for #name {
            fn node(&self) -> crate::rt::Node<'_> {
                crate::rt::Node::Scalar(match self {
                    #(#name::#idents => #scalars,)*
                    #other_arm_scalar
                })
            }

            fn from_scalar(value: &crate::rt::Scalar<'_>) -> Option<Self> {
                const ALL: [#name; #n] = [#(#name::#idents),*];
                const WIRES: [crate::rt::Scalar<'static>; #n] = [#(#scalars),*];
                match WIRES.iter().position(|w| w.same(value)) {
                    Some(i) => Some(ALL[i].clone()),
                    None => match value {
                        #other_lit
                        _ => None,
                    },
                }
            }
        }

        impl #name {
            #wire_fn

            #[doc = #index_doc]
            pub fn index(&self) -> Option<usize> {
                match self {
                    #(#name::#idents => Some(#index),)*
                    #n_listed
                }
            }
        }

        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    #(#name::#idents => crate::rt::serialize_scalar(&#scalars, s),)*
                    #other_arm_ser
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<De: serde::Deserializer<'de>>(d: De) -> Result<Self, De::Error> {
                crate::rt::deserialize(d)
            }
        }

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                match crate::rt::WireNode::node(self).scalar() {
                    Some(crate::rt::Scalar::Str(s)) => f.write_str(s),
                    Some(other) => write!(f, "{other}"),
                    None => Ok(()),
                }
            }
        }
    }
}
