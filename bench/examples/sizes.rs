fn main() {
    use freshworks_events as f;
    use fwevents_bench as b;
    println!("Field<String> {}", std::mem::size_of::<f::Field<String>>());
    println!("Field<Timestamp> {}", std::mem::size_of::<f::Field<f::Timestamp>>());
    println!("Field<Id> {}", std::mem::size_of::<f::Field<f::Id>>());
    println!("chat Payload {} Data {} ChatActor {} ChatAgentStatus {}", std::mem::size_of::<f::freshchat::on_agent_activity_create::Payload>(), std::mem::size_of::<f::freshchat::on_agent_activity_create::Data>(), std::mem::size_of::<f::types::ChatActor>(), std::mem::size_of::<f::types::ChatAgentStatus>());
    println!("bare Payload {} Data {} ChatActor {}", std::mem::size_of::<b::freshchat_on_agent_activity_create::Payload>(), std::mem::size_of::<b::freshchat_on_agent_activity_create::Data>(), std::mem::size_of::<b::types::ChatActor>());
}
