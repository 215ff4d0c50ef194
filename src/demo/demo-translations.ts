/**
 * The demo's content translations: the OEWG's name and mandate, its comment periods' titles and
 * its versions' labels in the five UN languages besides English, as its secretariat would enter
 * them (the wording is the demo's own), so that the Arabic or Chinese reader sees them in theirs.
 */
import { operatorViewer } from '../accounts/accounts.schema.ts';
import { getPeriodsOfProcess } from '../consultations/consultations.service.ts';
import type { Db } from '../db/database.ts';
import { getProcessWithDocuments } from '../documents/documents.service.ts';
import { saveTranslations } from '../processes/translations.service.ts';
import type { TranslatableItem } from '../processes/translations.schema.ts';

type ByLanguage = Record<'ar' | 'zh' | 'fr' | 'ru' | 'es', string>;

const processTexts: Record<'name' | 'mandate', ByLanguage> = {
  name: {
    ar: 'الفريق العامل المفتوح العضوية المعني بتكنولوجيا المعلومات والاتصالات في سياق الأمن الدولي',
    zh: '信息和通信技术与国际安全不限成员名额工作组',
    fr: 'Groupe de travail à composition non limitée sur les TIC dans le contexte de la sécurité internationale',
    ru: 'Рабочая группа открытого состава по ИКТ в контексте международной безопасности',
    es: 'Grupo de Trabajo de Composición Abierta sobre las TIC en el contexto de la seguridad internacional',
  },
  mandate: {
    ar: 'أنشأته الجمعية العامة في عام 2018 في إطار اللجنة الأولى لمناقشة تكنولوجيات المعلومات والاتصالات في سياق الأمن الدولي، وهو مفتوح لجميع الدول الأعضاء.',
    zh: '大会于 2018 年在第一委员会下设立，讨论信息和通信技术与国际安全问题，向所有会员国开放。',
    fr: 'Créé par l’Assemblée générale en 2018 au sein de la Première Commission pour examiner les technologies de l’information et des communications dans le contexte de la sécurité internationale ; ouvert à tous les États Membres.',
    ru: 'Учреждена Генеральной Ассамблеей в 2018 году в рамках Первого комитета для обсуждения информационно-коммуникационных технологий в контексте международной безопасности; открыта для всех государств-членов.',
    es: 'Establecido por la Asamblea General en 2018 en el marco de la Primera Comisión para examinar las tecnologías de la información y las comunicaciones en el contexto de la seguridad internacional; abierto a todos los Estados Miembros.',
  },
};

/** Titles of the demo's periods and labels of its versions, by their English original. */
const originals: Record<string, ByLanguage> = {
  'Written comments on the illustrative pre-draft': {
    ar: 'تعليقات مكتوبة على المشروع الأولي التوضيحي',
    zh: '对说明性预稿的书面评论',
    fr: 'Commentaires écrits sur l’avant-projet illustratif',
    ru: 'Письменные комментарии к иллюстративному предварительному проекту',
    es: 'Comentarios escritos sobre el borrador preliminar ilustrativo',
  },
  'Written comments on Rev.1': {
    ar: 'تعليقات مكتوبة على التنقيح 1',
    zh: '对第 1 次修订稿的书面评论',
    fr: 'Commentaires écrits sur la Rév.1',
    ru: 'Письменные комментарии к Пересм.1',
    es: 'Comentarios escritos sobre la Rev.1',
  },
  'pre-draft': {
    ar: 'المشروع الأولي',
    zh: '预稿',
    fr: 'avant-projet',
    ru: 'предварительный проект',
    es: 'borrador preliminar',
  },
  'Rev.1': { ar: 'التنقيح 1', zh: '第 1 次修订稿', fr: 'Rév.1', ru: 'Пересм.1', es: 'Rev.1' },
  original: { ar: 'الأصل', zh: '原件', fr: 'original', ru: 'оригинал', es: 'original' },
};

/** Enters the demo process's translations, as its secretariat would. */
export async function loadDemoTranslations(db: Db, now = new Date()): Promise<number> {
  const { process, documents } = await getProcessWithDocuments(db, 'oewg', operatorViewer);
  const periods = await getPeriodsOfProcess(db, operatorViewer, process.id, now);
  const items: TranslatableItem[] = [
    {
      type: 'process',
      id: process.id,
      originals: { name: process.name, mandate: process.mandate },
    },
    ...periods.map((p) => ({ type: 'period' as const, id: p.id, originals: { title: p.title } })),
    ...documents.flatMap((d) =>
      d.versions.map((v) => ({
        type: 'version' as const,
        id: v.id,
        originals: { label: v.label },
      })),
    ),
  ];
  const entries = items.flatMap((item) =>
    Object.entries(item.originals).flatMap(([field, original]) => {
      const texts =
        item.type === 'process' ? processTexts[field as 'name' | 'mandate'] : originals[original];
      return texts
        ? Object.entries(texts).map(([language, text]) => ({
            subjectType: item.type,
            subjectId: item.id,
            field,
            language,
            text,
          }))
        : [];
    }),
  );
  return saveTranslations(db, operatorViewer, process.id, items, entries, now);
}
