## Waspada — the language model's second opinion appended to a check reply (English).
check-opinion-title = 🤖 Second opinion (automatic, not verified; the result above stands):
check-opinion-level = Risk raised to: { $level } (rules: { $rules })
check-opinion-reasons = Further warning signs it found:
