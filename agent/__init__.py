"""The chat side: model factory, offline planner, LangChain agent, memory. Wraps tools/, adds no business logic."""
