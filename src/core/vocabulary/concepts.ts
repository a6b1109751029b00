/**
 * The concepts of the default vocabulary in the field's words, with their
 * references, as DOMAIN.md cites them: the texts of the study notes.
 */

/** References of the study notes, as DOMAIN.md cites them. */
export const STUDY_REFERENCES = Object.freeze({
	elliott: "Elliott, R., Bohart, A. C., Watson, J. C., & Murphy, D. (2018). Therapist empathy and client outcome: An updated meta-analysis. *Psychotherapy, 55*(4), 399–410.",
	greenberg: "Greenberg, L. S. (2015). *Emotion-focused therapy: Coaching clients to work through their feelings* (2nd ed.). American Psychological Association.",
	geller: "Geller, S. M., & Greenberg, L. S. (2012). *Therapeutic presence: A mindful approach to effective therapy*. American Psychological Association.",
	strauss: "Strauss, C., Lever Taylor, B., Gu, J., Kuyken, W., Baer, R., Jones, F., & Cavanagh, K. (2016). What is compassion and how can we measure it? A review of definitions and measures. *Clinical Psychology Review, 47*, 15–27.",
	segal: "Segal, Z. V., Williams, J. M. G., & Teasdale, J. D. (2013). *Mindfulness-based cognitive therapy for depression* (2nd ed.). Guilford Press.",
});

type ReferenceKey = keyof typeof STUDY_REFERENCES;

/** A concept of the vocabulary: its definition in the field's words and where it comes from. */
export interface Concept {
	definition: string;
	references: ReferenceKey[];
}

/** The default vocabulary's concepts, by family and value. */
export const CONCEPTS: Readonly<Record<"empathy" | "response" | "process" | "class" | "therapist" | "relationship" | "compassion", Readonly<Record<string, Concept>>>> = Object.freeze({
	empathy: {
		rapport: { definition: "The therapist holds a benevolent, compassionate attitude toward the client and shows understanding of their experience, often to set the context for treatment. Emphasized by cognitive-behavioural therapies.", references: ["elliott"] },
		attunement: { definition: "The therapist stays attuned, moment by moment, to the client's unfolding experience and communicates that understanding, mostly through reflections and conjectures. Emphasized by humanistic and person-centred therapies, emotion-focused therapy and emotion-focused mindfulness therapy.", references: ["elliott"] },
		person: { definition: "The therapist builds an experience-near understanding of how the client's history has led them to feel, think and act as they do. Emphasized by psychodynamic therapies.", references: ["elliott"] },
	},
	class: {
		"primary-adaptive": { definition: "A first, direct emotional response that fits the situation and guides action, such as sadness at a loss or anger at a violation. The typical response is to symbolize it, make sense of it and carry it forward.", references: ["greenberg"] },
		"primary-maladaptive": { definition: "A first response that no longer fits the present situation, learned from past hurt, such as core shame or fear of abandonment. The typical response is to access it, then transform it with an adaptive emotion.", references: ["greenberg"] },
		secondary: { definition: "A reaction to another emotion or to a thought, which covers it, such as anger masking hurt or hopelessness over fear. The typical response is to explore it to reach the primary emotion beneath.", references: ["greenberg"] },
		instrumental: { definition: "An emotion expressed for its effect on others, such as crocodile tears or anger to dominate. The typical response is to notice and name its function.", references: ["greenberg"] },
	},
	response: {
		reflection: { definition: "The therapist puts into words what the client is experiencing, from within the client's frame of reference, so that the client can hear it and check it against their experience.", references: ["elliott"] },
		question: { definition: "An exploratory question asked from within the client's experience, inviting them to explore it and put it into words, rather than to gather facts.", references: ["elliott"] },
		conjecture: { definition: "A tentative guess at what the client may be feeling at the edge of awareness, offered for the client to correct or take further.", references: ["elliott"] },
		interpretation: { definition: "An experience-near interpretation: an understanding that links what the client feels now with what they have lived, offered close to their own experience and in words they can recognize.", references: ["elliott"] },
		validation: { definition: "The therapist conveys that the client's experience makes sense and is understandable, given who they are and what they have lived.", references: ["elliott"] },
		nonverbal: { definition: "Empathy expressed without words: tone, pace, facial expression and posture that receive and match the client's experience.", references: ["elliott"] },
		procedure: { definition: "The responsive use of another therapeutic procedure (a chair task, a meditation, a thought record) chosen and paced in response to what the client is experiencing in the moment.", references: ["elliott"] },
	},
	process: {
		symbolizing: { definition: "Putting an emotional experience into words or images, so that it can be known and reflected on. Emotion-focused mindfulness therapy stays attuned to emotion, in meditation and in session, in order to symbolize it.", references: ["greenberg"] },
		deepening: { definition: "Staying with an emotion and helping it unfold more fully, toward the primary emotion and the need within it.", references: ["greenberg"] },
		accepting: { definition: "Allowing an emotion, especially a secondary one such as worry or rumination, to be present without struggling against it. Emphasized by mindfulness-based interventions such as MBCT.", references: ["segal"] },
		decentering: { definition: "Stepping back from thoughts and feelings so that they are seen as passing events in the mind rather than as facts or as the self. Emphasized by mindfulness-based interventions such as MBCT.", references: ["segal"] },
		"letting-go": { definition: "Releasing the hold of a secondary emotion or a thought, once noticed and accepted, rather than following it or pushing it away. Emphasized by mindfulness-based interventions such as MBCT.", references: ["segal"] },
		soothing: { definition: "Calming distress within a relationship that soothes (the co-regulation of affect), or through the client's own compassion for themselves. It underlies both emotion-focused and mindfulness-based work.", references: ["geller", "strauss"] },
		transforming: { definition: "Changing a primary maladaptive emotion by accessing an adaptive emotion alongside it, such as the sadness or anger of an unmet need: changing emotion with emotion.", references: ["greenberg"] },
		"carrying-forward": { definition: "Letting an adaptive emotion, and the need and action it points to, move the client on into new meaning and action in their life.", references: ["greenberg"] },
		approaching: { definition: "Turning toward a difficult emotion with curiosity rather than avoiding it, so that it can be felt and known. A first move of mindfulness practice.", references: ["segal"] },
		acknowledging: { definition: "Noticing and naming an emotion as it is, the first step of MBCT's sequence: acknowledge, accept, decentre, let go.", references: ["segal"] },
		"making-sense": { definition: "Understanding what a primary adaptive emotion says about the situation and the need within it, before it is carried forward into action.", references: ["greenberg"] },
		discerning: { definition: "Telling emotions that help from emotions that do not (adaptive from maladaptive, primary from secondary), so as to respond to each differently: the step that separates emotion-focused mindfulness therapy from mainstream mindfulness.", references: ["greenberg"] },
	},
	therapist: {
		"perspective-taking": { definition: "The slower, deliberate process of empathy: imagining the client's situation from within their frame of reference, as a cognitive act, beside the fast resonance of feeling with them.", references: ["elliott"] },
		regulating: { definition: "The therapist tolerating and soothing their own resonance with the client's pain, so that it can become compassion and helping rather than distress.", references: ["elliott", "strauss"] },
		"empathic-distress": { definition: "Resonance that overwhelmed the therapist: their own distress at the client's pain, which turns attention toward relieving themselves. The burn-out path the critics of empathy describe; supervision material, never a mark against the clinician.", references: ["elliott", "strauss"] },
	},
	relationship: {
		congruence: { definition: "The therapist is genuine and transparent: what they say and show matches what they experience in the relationship.", references: ["elliott"] },
		warmth: { definition: "Positive regard and warmth: the therapist's caring, non-judgemental acceptance of the client as a person.", references: ["elliott"] },
		compassion: { definition: "The therapist recognizes the client's suffering, feels for them, tolerates the discomfort that arouses and is moved to help.", references: ["strauss"] },
		responsiveness: { definition: "The therapist adjusts what they do, moment by moment, to the client's state, needs and feedback.", references: ["elliott"] },
		presence: { definition: "Therapeutic presence: being fully in the moment, with and for the client, grounded in oneself and open to the client's experience.", references: ["geller"] },
		rupture: { definition: "A strain in the working alliance: the client withdraws (goes quiet, defers, changes topic) or confronts (complains, criticizes the therapist or the work).", references: ["elliott"] },
		repair: { definition: "The work that mends a rupture: the therapist notices the strain, invites the client to say what happened and takes their share of it.", references: ["elliott"] },
	},
	compassion: {
		recognizing: { definition: "Recognizing suffering: noticing that someone, oneself or another, is in pain.", references: ["strauss"] },
		universality: { definition: "Understanding the universality of suffering: seeing it as part of shared human experience.", references: ["strauss"] },
		feeling: { definition: "Feeling for the person suffering: being moved, emotionally connecting with their distress.", references: ["strauss"] },
		tolerating: { definition: "Tolerating the uncomfortable feelings that the suffering arouses (distress, anger, fear), while staying open and accepting toward the person.", references: ["strauss"] },
		acting: { definition: "Motivation to act, or acting, to relieve the suffering.", references: ["strauss"] },
	},
});
