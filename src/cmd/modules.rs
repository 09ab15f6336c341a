//! Platform 3.x manifests list events under `modules.<module>.events`, and a module belongs
//! to one product (Freshdesk's `support_ticket`, Freshchat's `chat_conversation`, ...), or to
//! none (`common`, whose events any product may raise). This table maps module names to the
//! spec's product keys, the way platform 2.x's `product.<name>` names them directly.

/// Where a module's events come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Module {
    /// A product's own module: its events are that product's.
    Product(&'static str),
    /// `common`: events of any product, so a name two products share stays ambiguous.
    Common,
    /// A module this table does not know: treated as `common`, and said so.
    Unknown,
}

/// Modules by exact name, then by the prefix a product gives all of its modules.
const EXACT: &[(&str, Module)] = &[
    ("common", Module::Common),
    // Freshcaller's modules do not all share a prefix: `call` is its call module.
    ("call", Module::Product("freshcaller")),
];

const PREFIXES: &[(&str, &str)] = &[
    // Freshdesk: support_ticket, support_contact, support_company, support_agent, support_email, ...
    ("support_", "freshdesk"),
    // Freshservice: service_ticket, service_asset, service_change, ... (no events in the spec).
    ("service_", "freshservice"),
    // Freshchat: chat_conversation, chat_user.
    ("chat_", "freshchat"),
    // Freshcaller: caller_conversation, caller_metrics.
    ("caller_", "freshcaller"),
    // Freshsales (Freshworks CRM): sales_account, sales_activity, ...
    ("sales_", "freshsales"),
];

/// Freshsales modules named after the record they hold, without a product prefix.
const SALES_RECORDS: &[&str] = &["deal", "contact", "lead", "appointment", "task", "cpq_document", "product", "phone"];

pub fn module(name: &str) -> Module {
    if let Some((_, m)) = EXACT.iter().find(|(n, _)| *n == name) {
        return *m;
    }
    if let Some((_, product)) = PREFIXES.iter().find(|(p, _)| name.starts_with(p) && name.len() > p.len()) {
        return Module::Product(product);
    }
    if SALES_RECORDS.contains(&name) {
        return Module::Product("freshsales");
    }
    Module::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modules_map_to_their_products() {
        assert_eq!(module("support_agent"), Module::Product("freshdesk"));
        assert_eq!(module("support_ticket"), Module::Product("freshdesk"));
        assert_eq!(module("chat_conversation"), Module::Product("freshchat"));
        assert_eq!(module("chat_user"), Module::Product("freshchat"));
        assert_eq!(module("caller_conversation"), Module::Product("freshcaller"));
        assert_eq!(module("call"), Module::Product("freshcaller"));
        assert_eq!(module("deal"), Module::Product("freshsales"));
        assert_eq!(module("sales_account"), Module::Product("freshsales"));
        assert_eq!(module("service_ticket"), Module::Product("freshservice"));
        assert_eq!(module("common"), Module::Common);
        // A bare prefix, or a name nobody uses, is not guessed.
        assert_eq!(module("support_"), Module::Unknown);
        assert_eq!(module("billing"), Module::Unknown);
    }
}
