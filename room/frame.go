package room

// PauseText is what participants and screens see while the leader pauses.
const PauseText = "We are taking a pause. Breathe; take your time. The meeting will go on when the leader is ready."

// Sentences the room says to participants.
const (
	EndedText   = "The meeting has ended."
	RemovedText = "The leader has removed you from the room."
	FullText    = "The room is full."
	NoPtyText   = "The room needs a terminal: connect with ssh -t, from a terminal window."
	WaitingText = "Waiting for the leader to open the first page."
	LeftText    = "You have left the room."
)
