import { readFileSync } from 'node:fs';
import { trainSoftmax, SoftmaxModel } from './lib/learn/softmax.ts';
import { riskFeatures } from './lib/risk/learned/features.ts';
import { scanText } from './lib/risk/scanner.ts';
const load = (f: string) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; label: string });
const A = load('/tmp/rc1.jsonl'), B = load('/tmp/rc2.jsonl');
const opts = { minDocs: 2, l1: 0.001, minWeight: 0.05, epochs: 20, ...JSON.parse(process.argv[2] ?? '{}') };
const th = Number(process.argv[3] ?? 0.5);
for (const [name, train, test] of [['A→B', A, B], ['B→A', B, A]] as const) {
  const t0 = performance.now();
  const w = trainSoftmax(train.map((e) => ({ features: riskFeatures(e.text), label: e.label })), opts);
  const m = new SoftmaxModel(w);
  let risky = 0, rulesHit = 0, bothHit = 0, clean = 0, rulesFa = 0, bothFa = 0, modelRight = 0;
  for (const e of test) {
    const rule = scanText(e.text).filter((f) => f.severity !== 'tip').map((f) => f.category);
    const top = m.classify(riskFeatures(e.text))[0]!;
    const learned = top.label !== 'clean' && top.probability >= th ? top.label : undefined;
    if (top.label === e.label) modelRight++;
    if (e.label === 'clean') { clean++; if (rule.length) rulesFa++; if (rule.length || learned) bothFa++; }
    else if (e.label !== 'politeness') { risky++; if (rule.includes(e.label)) rulesHit++; if (rule.includes(e.label) || learned === e.label) bothHit++; }
  }
  console.log(name, `model acc ${(modelRight / test.length).toFixed(3)} | rules recall ${(rulesHit / risky).toFixed(3)} fpr ${(rulesFa / clean).toFixed(3)} | rules+model recall ${(bothHit / risky).toFixed(3)} fpr ${(bothFa / clean).toFixed(3)} | ${Object.keys(w.features).length} feats, ${(JSON.stringify(w).length / 1024).toFixed(0)} KB, ${(performance.now() - t0).toFixed(0)} ms`);
}
