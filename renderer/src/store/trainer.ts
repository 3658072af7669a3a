// The trainer mode: packs (import with progress, export, authoring), a practice or exam session,
// its result, the progress report and the trainer settings. SQLite stays the source of truth; the
// slice caches the backend's answers.
import type { CallInput } from '../../../shared/contract/kernel';
import type {
  Feedback,
  ImportOutcome,
  PackDetail,
  PackSummary,
  Progress,
  SaveScenarioOutcome,
  SessionResult,
  SessionState,
  TraineeSummary,
  TrainerSettings,
} from '../../../shared/trainer/contract';
import type { TraineeAnswer } from '../../../shared/trainer/grade';
import { type Slice, unwrap } from './slice';

export type TrainerTab = 'packs' | 'practice' | 'exam' | 'progress';

interface ImportProgress {
  fileName: string;
  /** bytes of the file; the bar runs over the reading, sending and checking */
  total: number;
  sent: number;
  phase: 'reading' | 'sending' | 'checking';
}

export interface TrainerSlice {
  trainerTab: TrainerTab;
  packs: PackSummary[] | null;
  pack: PackDetail | null;
  importProgress: ImportProgress | null;
  importOutcome: (ImportOutcome & { fileName: string }) | null;
  trainees: TraineeSummary[];
  trainerSettings: TrainerSettings | null;
  session: SessionState | null;
  feedback: Feedback | null;
  sessionResult: SessionResult | null;
  progress: Progress | null;
  answering: boolean;

  /**
   * 窓口の練習モード: the desk hides the patient's note and which documents the patient holds
   * (「この患者は持っていません」), so the desk itself can be drilled (App sets data-desk-training).
   */
  deskTraining: boolean;
  setDeskTraining(on: boolean): void;
  setTrainerTab(tab: TrainerTab): void;

  loadPacks(): Promise<void>;
  openPack(packId: number | null): Promise<void>;
  importPackFile(file: File): Promise<ImportOutcome | null>;
  clearImportOutcome(): void;
  exportPack(packId: number): Promise<{ filename: string; json: string; scenarios: number } | null>;
  createPack(title: string): Promise<PackSummary | null>;
  renamePack(packId: number, title: string): Promise<boolean>;
  deletePack(packId: number): Promise<boolean>;
  saveScenario(packId: number, scenario: unknown, replaces?: string): Promise<SaveScenarioOutcome | null>;
  duplicateScenario(packId: number, scenarioId: string): Promise<void>;
  deleteScenario(packId: number, scenarioId: string): Promise<void>;
  moveScenario(packId: number, scenarioId: string, to: number): Promise<void>;
  scenarioJson(packId: number, scenarioId: string): Promise<Record<string, unknown> | null>;
  saveDeskCase(
    input: CallInput<'trainer.saveDeskCase'>,
  ): Promise<(SaveScenarioOutcome & { packId: number | null }) | null>;
  loadTrainees(): Promise<void>;
  loadTrainerSettings(): Promise<void>;
  saveTrainerSettings(patch: Partial<TrainerSettings>): Promise<boolean>;
  startSession(input: CallInput<'trainer.startSession'>): Promise<boolean>;
  answer(answer: TraineeAnswer, timeMs: number): Promise<boolean>;
  /** practice: leave the feedback and show the next patient */
  nextQuestion(): void;
  finishSession(): Promise<void>;
  loadSessionResult(sessionId: number): Promise<void>;
  leaveSession(): void;
  loadProgress(traineeId?: number): Promise<void>;
  exportProgressCsv(
    kind: 'answers' | 'rules',
    traineeId?: number,
  ): Promise<{ filename: string; csv: string; rows: number } | null>;
}

/** Reads a file as text, reporting progress (File.text() would not). */
function readText(file: File, onProgress: (loaded: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onprogress = (e) => onProgress(e.loaded);
    r.onload = () => resolve(String(r.result ?? ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsText(file, 'utf-8');
  });
}

export const createTrainerSlice: Slice<TrainerSlice> = (set, get, api) => ({
  trainerTab: 'packs',
  packs: null,
  pack: null,
  importProgress: null,
  importOutcome: null,
  trainees: [],
  trainerSettings: null,
  session: null,
  feedback: null,
  sessionResult: null,
  progress: null,
  answering: false,

  setTrainerTab: (trainerTab) => set({ trainerTab }),
  deskTraining: false,
  setDeskTraining: (deskTraining) => set({ deskTraining }),

  loadPacks: async () => {
    const packs = unwrap(set, await api['trainer.listPacks']({}));
    if (packs) set({ packs });
  },

  openPack: async (packId) => {
    if (packId === null) {
      set({ pack: null });
      return;
    }
    const pack = unwrap(set, await api['trainer.getPack']({ packId }));
    if (pack) set({ pack });
  },

  importPackFile: async (file) => {
    const fileName = file.name;
    set({ importOutcome: null, importProgress: { fileName, total: file.size, sent: 0, phase: 'reading' } });
    const begin = await api['trainer.importBegin']({ fileName, size: file.size });
    if (!begin.ok) {
      // too large (or a name with a 12-digit number): refused before anything was read
      set({
        importProgress: null,
        importOutcome: {
          fileName,
          pack: null,
          issues: [{ scenarioId: null, path: '(file)', ...begin.error }],
          warnings: [],
        },
      });
      return null;
    }
    const { uploadId, chunkChars } = begin.value;
    let text: string;
    try {
      text = await readText(file, (loaded) =>
        set({ importProgress: { fileName, total: file.size, sent: loaded / 2, phase: 'reading' } }),
      );
    } catch {
      await api['trainer.importCancel']({ uploadId });
      set({
        importProgress: null,
        importOutcome: {
          fileName,
          pack: null,
          issues: [
            { scenarioId: null, path: '(file)', ja: 'ファイルを読み込めませんでした', en: 'cannot read the file' },
          ],
          warnings: [],
        },
      });
      return null;
    }
    const chunks = Math.max(1, Math.ceil(text.length / chunkChars));
    for (let i = 0; i < chunks; i += 1) {
      const part = text.slice(i * chunkChars, (i + 1) * chunkChars);
      const r = await api['trainer.importChunk']({ uploadId, index: i, text: part });
      if (!r.ok) {
        set({
          importProgress: null,
          importOutcome: {
            fileName,
            pack: null,
            issues: [{ scenarioId: null, path: '(file)', ...r.error }],
            warnings: [],
          },
        });
        return null;
      }
      set({
        importProgress: {
          fileName,
          total: file.size,
          sent: file.size / 2 + ((i + 1) / chunks) * (file.size / 2),
          phase: i + 1 === chunks ? 'checking' : 'sending',
        },
      });
    }
    const out = unwrap(set, await api['trainer.importFinish']({ uploadId }));
    set({ importProgress: null, importOutcome: out ? { ...out, fileName } : null });
    if (out?.pack) {
      await get().loadPacks();
      await get().openPack(out.pack.id);
    }
    return out;
  },

  clearImportOutcome: () => set({ importOutcome: null }),

  exportPack: async (packId) => unwrap(set, await api['trainer.exportPack']({ packId })),

  createPack: async (title) => {
    const pack = unwrap(set, await api['trainer.createPack']({ title }));
    if (pack) {
      await get().loadPacks();
      await get().openPack(pack.id);
    }
    return pack;
  },

  renamePack: async (packId, title) => {
    const pack = unwrap(set, await api['trainer.renamePack']({ packId, title }));
    if (!pack) return false;
    await get().loadPacks();
    await get().openPack(packId);
    return true;
  },

  deletePack: async (packId) => {
    const r = unwrap(set, await api['trainer.deletePack']({ packId }));
    if (!r) return false;
    if (get().pack?.pack.id === packId) set({ pack: null });
    await get().loadPacks();
    return r.deleted;
  },

  saveScenario: async (packId, scenario, replaces) => {
    const out = unwrap(set, await api['trainer.saveScenario']({ packId, scenario, ...(replaces ? { replaces } : {}) }));
    if (out?.row) {
      await get().openPack(packId);
      await get().loadPacks();
    }
    return out;
  },

  duplicateScenario: async (packId, scenarioId) => {
    if (unwrap(set, await api['trainer.duplicateScenario']({ packId, scenarioId }))) {
      await get().openPack(packId);
      await get().loadPacks();
    }
  },

  deleteScenario: async (packId, scenarioId) => {
    if (unwrap(set, await api['trainer.deleteScenario']({ packId, scenarioId }))) {
      await get().openPack(packId);
      await get().loadPacks();
    }
  },

  moveScenario: async (packId, scenarioId, to) => {
    const pack = unwrap(set, await api['trainer.moveScenario']({ packId, scenarioId, to }));
    if (pack) set({ pack });
  },

  scenarioJson: async (packId, scenarioId) => {
    const r = unwrap(set, await api['trainer.getScenario']({ packId, scenarioId }));
    return r ? r.json : null;
  },

  saveDeskCase: async (input) => {
    const out = unwrap(set, await api['trainer.saveDeskCase'](input));
    if (out?.row) await get().loadPacks();
    return out;
  },

  loadTrainees: async () => {
    const trainees = unwrap(set, await api['trainer.listTrainees']({}));
    if (trainees) set({ trainees });
  },

  loadTrainerSettings: async () => {
    const trainerSettings = unwrap(set, await api['trainer.getSettings']({}));
    if (trainerSettings) set({ trainerSettings });
  },

  saveTrainerSettings: async (patch) => {
    const trainerSettings = unwrap(set, await api['trainer.updateSettings'](patch));
    if (!trainerSettings) return false;
    set({ trainerSettings });
    return true;
  },

  startSession: async (input) => {
    const session = unwrap(set, await api['trainer.startSession'](input));
    if (!session) return false;
    set({ session, feedback: null, sessionResult: null });
    return true;
  },

  answer: async (answer, timeMs) => {
    const s = get().session;
    if (!s || s.position === null || get().answering) return false;
    set({ answering: true });
    const out = unwrap(
      set,
      await api['trainer.answer']({
        sessionId: s.session.id,
        position: s.position,
        answer,
        timeMs: Math.round(timeMs),
      }),
    );
    set({ answering: false });
    if (!out) return false;
    set({ session: out.state, feedback: out.feedback });
    if (out.state.question === null && out.feedback === null) await get().loadSessionResult(s.session.id);
    return true;
  },

  nextQuestion: () => {
    const s = get().session;
    set({ feedback: null });
    if (s && s.question === null) void get().loadSessionResult(s.session.id);
  },

  finishSession: async () => {
    const s = get().session;
    if (!s) return;
    const state = unwrap(set, await api['trainer.finishSession']({ sessionId: s.session.id }));
    if (!state) return;
    set({ session: state, feedback: null });
    await get().loadSessionResult(s.session.id);
  },

  loadSessionResult: async (sessionId) => {
    const sessionResult = unwrap(set, await api['trainer.sessionResult']({ sessionId }));
    if (sessionResult) set({ sessionResult });
  },

  leaveSession: () => set({ session: null, feedback: null, sessionResult: null }),

  loadProgress: async (traineeId) => {
    const progress = unwrap(set, await api['trainer.progress'](traineeId === undefined ? {} : { traineeId }));
    if (progress) set({ progress, trainees: progress.trainees });
  },

  exportProgressCsv: async (kind, traineeId) =>
    unwrap(set, await api['trainer.exportProgressCsv'](traineeId === undefined ? { kind } : { kind, traineeId })),
});
