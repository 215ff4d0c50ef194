import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from './detect-language.ts';

test('detects each of the six UN languages from a sentence', () => {
  assert.equal(
    detectLanguage('The Group recommends that States protect the public core of the Internet.'),
    'en',
  );
  assert.equal(
    detectLanguage("Le Groupe recommande que les États protègent le noyau public de l'Internet."),
    'fr',
  );
  assert.equal(
    detectLanguage(
      'El Grupo recomienda que los Estados protejan el núcleo público de la Internet.',
    ),
    'es',
  );
  assert.equal(
    detectLanguage('Группа рекомендует государствам защищать общедоступное ядро интернета.'),
    'ru',
  );
  assert.equal(detectLanguage('工作组建议各国保护互联网的公共核心。'), 'zh');
  assert.equal(detectLanguage('يوصي الفريق بأن تحمي الدول النواة العامة للإنترنت.'), 'ar');
});

test('says it cannot tell when there are no letters', () => {
  assert.equal(detectLanguage('12 34 — 56'), undefined);
});
