// Package guidetest holds guides made in code for the tests of several
// packages, so that each test package does not keep a copy of its own.
package guidetest

import "vigil/guides"

// Tiny has every part kind, a reflection step with two prompts and a
// leader's note, and the FAQ marked detailed.
func Tiny() *guides.Guide {
	return &guides.Guide{
		Meta: guides.Meta{ID: "tiny", Title: "Tiny", Source: "us", ContentNote: "A short guide.",
			Detailed: []string{"faq"}},
		Parts: []guides.Part{
			{Kind: guides.KindFAQ, Title: "FAQ", Sections: []guides.Section{
				{ID: "faq/one", Title: "One", Body: "The first answer."},
				{ID: "faq/two", Title: "Two", Body: "The second answer."},
			}},
			{Kind: guides.KindReflection, Title: "Reflection", Sections: []guides.Section{
				{ID: "reflection/clarity", Title: "Clarity", Body: "God sees.", Prompts: []string{"P1?", "P2?"},
					Leader: "Listen; do not probe."},
			}},
			{Kind: guides.KindPrayer, Title: "Prayer", Sections: []guides.Section{
				{ID: "prayer/a", Title: "Pray for A", Body: "Text A."},
			}},
			{Kind: guides.KindNext, Title: "Next steps", Sections: []guides.Section{
				{ID: "next/next-steps", Title: "Next steps", Body: "1. Visit."},
			}},
		},
	}
}
