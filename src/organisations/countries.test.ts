import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  countries,
  countryName,
  findCountry,
  regionalGroupName,
  regionalGroups,
  type RegionalGroup,
} from './countries.ts';

test('lists the 193 member states and the two observer states', () => {
  const members = countries.filter((c) => !c.observer);
  const observers = countries.filter((c) => c.observer);
  assert.equal(members.length, 193);
  assert.deepEqual(
    observers.map((c) => c.iso3),
    ['PSE', 'VAT'],
  );
  assert.ok(observers.every((c) => c.group === null));
  assert.ok(members.every((c) => c.group !== null));
});

test('has well-formed, unique codes, sorted by alpha-3', () => {
  for (const c of countries) {
    assert.match(c.iso3, /^[A-Z]{3}$/);
    assert.match(c.iso2, /^[A-Z]{2}$/);
    assert.match(c.m49, /^\d{3}$/);
  }
  for (const key of ['iso3', 'iso2', 'm49'] as const) {
    assert.equal(new Set(countries.map((c) => c[key])).size, countries.length, key);
  }
  const iso3s = countries.map((c) => c.iso3);
  assert.deepEqual(iso3s, [...iso3s].sort());
});

test('puts every member in a regional group, with the UN group sizes', () => {
  const sizes = Object.fromEntries(
    regionalGroups.map((g) => [g, countries.filter((c) => c.group === g).length]),
  );
  // Asia-Pacific counts Kiribati (since 2010) but not Türkiye (WEOG for electoral purposes);
  // WEOG counts its 28 members plus the United States.
  assert.deepEqual(sizes, {
    african: 54,
    'asia-pacific': 54,
    'eastern-european': 23,
    'latin-american-caribbean': 33,
    'western-european-others': 29,
  });
  assert.equal(
    Object.values(sizes).reduce((a, b) => a + b, 0),
    193,
  );
});

test('spot checks', () => {
  const expect = (iso3: string, iso2: string, m49: string, group: RegionalGroup) =>
    assert.deepEqual(findCountry(iso3), { iso3, iso2, m49, group, observer: false });
  expect('FRA', 'FR', '250', 'western-european-others');
  expect('CHN', 'CN', '156', 'asia-pacific');
  expect('BRA', 'BR', '076', 'latin-american-caribbean');
  expect('RUS', 'RU', '643', 'eastern-european');
  expect('EGY', 'EG', '818', 'african');
  expect('USA', 'US', '840', 'western-european-others');
  expect('AFG', 'AF', '004', 'asia-pacific');
  expect('KIR', 'KI', '296', 'asia-pacific');
  expect('TUR', 'TR', '792', 'western-european-others');
  expect('ISR', 'IL', '376', 'western-european-others');
  expect('EST', 'EE', '233', 'eastern-european');
  expect('SSD', 'SS', '728', 'african');
  assert.deepEqual(findCountry('VAT'), {
    iso3: 'VAT',
    iso2: 'VA',
    m49: '336',
    group: null,
    observer: true,
  });
  assert.deepEqual(findCountry('PSE'), {
    iso3: 'PSE',
    iso2: 'PS',
    m49: '275',
    group: null,
    observer: true,
  });
});

test('findCountry ignores letter case and returns undefined for unknown codes', () => {
  assert.equal(findCountry('fra')?.iso3, 'FRA');
  assert.equal(findCountry('Deu')?.iso2, 'DE');
  assert.equal(findCountry('XXX'), undefined);
  assert.equal(findCountry('TWN'), undefined);
  assert.equal(findCountry(''), undefined);
});

test('countryName names the country in the UI language', () => {
  assert.equal(countryName('FRA', 'fr'), 'France');
  assert.equal(countryName('fra', 'en'), 'France');
  assert.equal(countryName('CHN', 'zh'), '中国');
  assert.match(countryName('EGY', 'ar'), /^[\p{Script=Arabic}\s]+$/u);
  assert.match(countryName('RUS', 'ru'), /^\p{Script=Cyrillic}+$/u);
  assert.equal(countryName('ESP', 'es'), 'España');
});

test('countryName falls back to the code', () => {
  assert.equal(countryName('XXX', 'en'), 'XXX');
  assert.equal(countryName('FRA', 'not a locale!'), 'FRA');
});

test('regionalGroupName names the groups in the six UN languages, else English', () => {
  assert.equal(
    regionalGroupName('western-european-others', 'en'),
    'Western European and Others Group',
  );
  assert.equal(regionalGroupName('african', 'fr-FR'), 'Groupe des États d’Afrique');
  assert.equal(
    regionalGroupName('latin-american-caribbean', 'es'),
    'Grupo de los Estados de América Latina y el Caribe',
  );
  assert.equal(
    regionalGroupName('eastern-european', 'ru'),
    'Группа восточноевропейских государств',
  );
  assert.equal(regionalGroupName('asia-pacific', 'zh-Hans'), '亚洲-太平洋国家组');
  assert.match(regionalGroupName('african', 'ar'), /^[\p{Script=Arabic}\s]+$/u);
  assert.equal(regionalGroupName('african', 'de'), 'African Group');
  assert.equal(regionalGroupName('african', 'constructor'), 'African Group');
  const languages = ['ar', 'en', 'es', 'fr', 'ru', 'zh'];
  for (const group of regionalGroups) {
    const names = languages.map((l) => regionalGroupName(group, l));
    assert.equal(new Set(names).size, languages.length, group);
  }
});
