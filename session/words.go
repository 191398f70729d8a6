package session

import (
	"strconv"
	"strings"
)

// Words are the words a session uses where a group and one person alone
// are spoken to differently: every front end and the captured model take
// them from here, so that a person alone never reads "the group". The
// guide's own text, its prompts included, is never rewritten: a prompt
// written for a group ("How could we, as a group…") stays as it is, and
// PromptsNote says so once, gently.
type Words struct {
	Alone bool
	// Note heads the note written on a page, and Response the answer to a
	// reflection prompt.
	Note     string
	Response string
	// Passed says that a prompt was passed, on the page.
	Passed string
	// Captured heads the summary and what a session captured.
	Captured string
	// Requests heads the page and section of the session's own prayer
	// requests; AddRequest heads the form that adds one.
	Requests   string
	AddRequest string
	// Commitments heads the page of what people take on.
	Commitments string
	// Length names the time the session plans, where a group says
	// "meeting length"; Clock names the time spent so far in the header
	// ("meeting 12 of 60 min"; alone, "time 12 of 40 min").
	Length string
	Clock  string
	// CheckIn is the check-in page's question, and CheckedIn heads its
	// note in what the session captured.
	CheckIn   string
	CheckedIn string
	// PromptsNote is said once on the reflection prompts when they were
	// written for a group and one person is alone; "" for a group.
	PromptsNote string
}

// WordsFor returns the words for a group (alone false) or one person.
func WordsFor(alone bool) Words {
	if alone {
		return Words{
			Alone:       true,
			Note:        "Your note",
			Response:    "Your response",
			Passed:      "Passed: you pass this prompt.",
			Captured:    "What you wrote",
			Requests:    "Your own requests",
			AddRequest:  "Add a request of your own",
			Commitments: "What you will do",
			Length:      "time set aside",
			Clock:       "time",
			CheckIn:     CheckInAlone,
			CheckedIn:   "How you were leaving",
			PromptsNote: "Some prompts were written for a group; take them as they speak to you, or pass.",
		}
	}
	return Words{
		Note:        "The group's note",
		Response:    "The group's response",
		Passed:      "Passed: the group passes this prompt.",
		Captured:    "What the group captured",
		Requests:    TitleGroupRequests,
		AddRequest:  "Add the group's request",
		Commitments: "Commitments: what we will do",
		Length:      "meeting length",
		Clock:       "meeting",
		CheckIn:     CheckInGroup,
		CheckedIn:   "How people were leaving",
	}
}

// The close of every session, before the summary: a closing page, a
// check-in with the help resources, and (for a group, in the leader's view
// only) a debrief.
const (
	// VigilClosing is vigil's own words, not a guide's: the blessing on
	// the closing page of a guide that has no closing of its own. It asks
	// nothing of anyone.
	VigilClosing = "May God, who sees and hears, hold all that was prayed here, and hold you as you go. Go in peace."
	// VigilClosingCredit says whose words VigilClosing is, under it.
	VigilClosingCredit = "(vigil's words)"

	// CheckInGroup and CheckInAlone are the check-in page's question.
	CheckInGroup = "How are you leaving tonight?"
	CheckInAlone = "How are you leaving this?"
	// CheckInText follows the question: nothing has to be said, and help
	// is near. CheckInNote invites the optional note.
	CheckInText      = "There is no right answer, and nothing has to be said. If something here was heavy, you do not have to carry it alone: someone to talk to comes first below."
	CheckInTextAlone = "There is no right answer. If something here was heavy, you do not have to carry it alone: someone to talk to comes first below."
	CheckInNote      = "A word or two, if you like; it can stay empty."

	// DebriefTitle heads the leader's debrief; DebriefFollowUp asks for the
	// private note that the group's next meeting shows the leader.
	DebriefTitle    = "For you, the leader"
	DebriefFollowUp = "Who may need a follow-up? Only you see this note; the group's next meeting shows it to you again, in the leader's view."
	// DebriefCare is a word of care for the leader.
	DebriefCare = "Leading a meeting like this one carries weight. Thank you for holding it. If something said tonight stays with you, talk to your church's safeguarding lead or someone you trust; the help resources are there for you too."
	// FollowUpLabel heads the note carried from the last meeting's debrief.
	FollowUpLabel = "Follow-up from last time (only you see this)"

	// HeadlineOnly is shown on a prayer request whose text describes
	// abuse, on the gentler path, in place of its text; each front end
	// adds its key ("; type r to read them.").
	HeadlineOnly = "The details of this request describe abuse"
)

// Closing is the closing page's text: the guide's own closing, or vigil's
// blessing; vigils says which, so a front end can credit it.
func Closing(closing string) (text string, vigils bool) {
	if c := strings.TrimSpace(Clean(closing)); c != "" {
		return c, false
	}
	return VigilClosing, true
}

// CheckInIntro is the line under the check-in question.
func (w Words) CheckInIntro() string {
	if w.Alone {
		return CheckInTextAlone
	}
	return CheckInText
}

// Count says a number of things with the noun that fits it: "1 session",
// "2 sessions", "0 sessions".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
