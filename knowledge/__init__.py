"""Reading the production's documents (screenplays, lists, plans, notes, subtitles) and the vector store."""
