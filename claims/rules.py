"""Wording that regulators treat as unsupported health claims, in one place.

Each rule has a pattern, a category staff recognise, one plain sentence on why it is risky and one
on what to do. A match is ignored when the same sentence negates it shortly before ("this is not
a cure", "we cannot guarantee results"), and, for rules marked `hedgeable`, when it is hedged
("may help restore cartilage").

Sources for the list: the FTC's 2022 Health Products Compliance Guidance and its cases against
stem cell clinics; the FDA's consumer warnings on unapproved stem cell products.
"""

import re
from dataclasses import dataclass

NEGATIONS = r"\b(?:not|no|never|cannot|can't|won't|doesn't|don't|isn't|aren't|nor|neither|without|unable)\b"
HEDGES = (
    r"\b(?:may|might|could|possibly|potentially|aims? to|hope|whether|explor\w*|investigat\w*|studied|studying"
    r"|research(?:ers)?|trials?)\b"
)
LOOKBACK_WORDS = 5


@dataclass(frozen=True)
class Rule:
    code: str
    category: str
    pattern: str
    why: str
    advice: str
    hedgeable: bool = False

    @property
    def regex(self):
        return re.compile(self.pattern, re.IGNORECASE)


SOFTEN = 'Soften the wording (for example "may reduce pain for some patients"), or cite a source.'

RULES = [
    Rule(
        "cure",
        "Promise of a cure",
        r"\bcur(?:e|es|ed|ing)\b",
        "Saying a treatment cures a condition is a claim regulators expect strong scientific evidence for.",
        SOFTEN,
    ),
    Rule(
        "guarantee",
        "Guaranteed results",
        r"\bguarantee(?:s|d)?\b",
        "No medical treatment can guarantee results, and promising them is misleading.",
        "Remove the guarantee, or say what results are typical and for whom.",
    ),
    Rule(
        "proven",
        '"Proven" claim',
        r"\b(?:clinically |scientifically |medically )?proven\b",
        '"Proven" needs competent and reliable scientific evidence, such as controlled trials, for this exact use.',
        'Cite the evidence as a source, or describe it accurately ("early studies suggest").',
    ),
    Rule(
        "permanent",
        "Permanent or lifetime relief",
        r"\b(?:permanent|lifetime|life-?long|long-?lasting)\s+(?:pain\s+)?(?:relief|results?|fix|cure|solution)\b"
        r"|\bpermanently (?:pain-?free|relieves?|fix(?:es)?|removes?)\b|\bpain-?free for life\b",
        "Promising permanent or lifetime relief overstates what pain treatments can do.",
        "Describe how long benefits typically last, and cite a source.",
        hedgeable=True,
    ),
    Rule(
        "no-risk",
        "No risk or side effects",
        r"\brisk-?free\b|\bno\s+risks?\b|\bfree of (?:any )?risks?\b|\bno\s+side[- ]effects?\b"
        r"|\b100\s*%\s*safe\b|\bcompletely safe\b|\bperfectly safe\b",
        "Every procedure carries some risk; saying otherwise is misleading and hides what patients need to know.",
        "Say what the common risks and side effects are.",
    ),
    Rule(
        "fda",
        "FDA approval claim",
        r"\bFDA[- ](?:approved|registered|cleared|certified)\b|\b(?:approved|cleared|registered) by the FDA\b",
        "The FDA has approved no stem cell product for pain or osteoarthritis; an approval claim must be exact.",
        "Remove it, or name the exact product and approved use and cite the FDA record.",
    ),
    Rule(
        "surgery",
        "Alternative to surgery",
        r"\balternatives? to (?:\w+ )?surgery\b|\bnever need (?:a |any )?(?:\w+ )?surgery\b"
        r"|\bavoid (?:or delay )?(?:[\w-]+ ){0,6}?(?:surgery|joint replacement|operations?)\b"
        r"|\bno (?:more )?need for (?:\w+ )?surgery\b",
        "Claims that a treatment replaces or avoids surgery were central to the FTC's cases against stem cell "
        "clinics.",
        SOFTEN,
        hedgeable=True,
    ),
    Rule(
        "eliminate",
        "Ending pain or disease",
        r"\b(?:eliminat\w*|stop(?:s|ped|ping)?|end(?:s|ed|ing)?|revers\w*|erase\w*|banish\w*)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:pain|disease|arthritis|osteoarthritis|degeneration|symptoms)\b",
        "Promising to eliminate, stop or reverse pain or disease is a cure claim in other words.",
        SOFTEN,
        hedgeable=True,
    ),
    Rule(
        "regenerate",
        "Regrowing or repairing tissue",
        r"\b(?:regrow\w*|rebuild\w*|restor\w*|regenerat\w*|repair(?:s|ed|ing)?|replac(?:e|es|ed|ing))\s+"
        r"(?:[\w-]+\s+){0,3}?(?:tissues?|cartilage|joints?|discs?|bones?|tendons?|ligaments?|muscles?|nerves?|cells)\b"
        r"|\bregeneration of (?:[\w-]+\s+){0,2}?tissues?\b|\btissue (?:repair and )?regeneration\b",
        "Regrowing or regenerating tissue is not established for these treatments; stated as a promise it misleads.",
        "Say it is being studied, or cite the evidence as a source.",
        hedgeable=True,
    ),
    Rule(
        "success-rate",
        "Success rate without a source",
        r"\b\d{1,3}(?:\.\d+)?\s*(?:%|percent)\s+of\s+(?:our\s+)?(?:patients|people|cases|clients)\b"
        r"|\bsuccess rates?\b",
        "A success figure needs a published source that patients can check.",
        "Cite the study as a source, or remove the figure.",
    ),
    Rule(
        "hype",
        "Miracle or breakthrough",
        r"\bmiracle\w*\b|\bbreakthrough\w*\b|\brevolutionary\b",
        'Words like "miracle" and "breakthrough" promise more than any evidence supports.',
        "Describe the treatment plainly.",
    ),
    Rule(
        "unrelated-disease",
        "Unrelated disease",
        r"\b(?:cancer|alzheimer'?s|autism|diabetes|parkinson'?s|multiple sclerosis|ALS|COPD|COVID(?:-19)?"
        r"|heart disease|erectile dysfunction|dementia|stroke|lupus|anti-?aging)\b",
        "Claims about diseases a pain clinic does not treat are among those regulators act on first.",
        "Remove the mention, or cite a source if it is truly needed.",
    ),
]
RULES_BY_CODE = {rule.code: rule for rule in RULES}
