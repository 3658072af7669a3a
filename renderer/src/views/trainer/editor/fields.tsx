// The form toolkit: fields bound to a path in the draft, each showing the validation issue found
// at that path (aria-invalid, described by the message). The draft, its setter and the issues come
// from FormContext, which the editor provides.
import { createContext, useContext, useId } from 'react';
import { formatPath, type ScenarioIssue } from '../../../../../shared/issues';
import { getIn, type Json, type Path } from './draft';

export interface FormState {
  draft: Json;
  set(path: Path, value: unknown): void;
  issues: readonly ScenarioIssue[];
}

export const FormContext = createContext<FormState | null>(null);

export function useForm(): FormState {
  const f = useContext(FormContext);
  if (f === null) throw new Error('FormContext missing');
  return f;
}

/** The value at `path`, its issue, and the ids that tie the control to its label and message. */
function useField(path: Path) {
  const form = useForm();
  const id = useId();
  const issue = form.issues.find((i) => i.path === formatPath([...path]));
  return {
    form,
    id,
    value: getIn(form.draft, path),
    issue,
    aria: { 'aria-invalid': issue ? true : undefined, 'aria-describedby': issue ? `${id}-issue` : undefined },
  };
}

function Issue({ id, issue }: { id: string; issue: ScenarioIssue | undefined }) {
  if (!issue) return null;
  return (
    <span id={id} className="field-error">
      {issue.ja}
    </span>
  );
}

/** The issue at a path, where there is no control of its own (a document's kind). */
export function IssueAt({ path }: { path: Path }) {
  const { id, issue } = useField(path);
  return <Issue id={`${id}-issue`} issue={issue} />;
}

/** A select's option: the value as JSON ('' = not set, the key is left out) and its words. */
export type Option = readonly [json: string, words: string];

/** The options of an enumeration: each value with its words. */
export const options = <T,>(values: readonly T[], words: (v: T) => string): Option[] =>
  values.map((v) => [JSON.stringify(v), words(v)]);

/** Text (dates accept 和暦); empty removes the key. */
export function TextField(props: { path: Path; label: string; hint?: string; wide?: boolean; area?: boolean }) {
  const { form, id, value, issue, aria } = useField(props.path);
  const common = {
    id,
    ...aria,
    value: value === undefined || value === null ? '' : String(value),
    placeholder: props.hint,
  };
  const change = (s: string) => form.set(props.path, s === '' ? undefined : s);
  return (
    <div className={props.wide ? 'field field-wide' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      {props.area ? (
        <textarea {...common} className="input input-area" rows={3} onChange={(e) => change(e.target.value)} />
      ) : (
        <input {...common} className="input" onChange={(e) => change(e.target.value)} />
      )}
      <Issue id={`${id}-issue`} issue={issue} />
    </div>
  );
}

/** A whole number within [min, max] (the format's limits); empty removes the key. */
export function NumberField(props: { path: Path; label: string; min: number; max: number; hint?: string }) {
  const { form, id, value, issue, aria } = useField(props.path);
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      <input
        id={id}
        {...aria}
        className="input input-num"
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        placeholder={props.hint}
        value={value === undefined || value === null ? '' : String(value)}
        onChange={(e) => form.set(props.path, e.target.value === '' ? undefined : Number(e.target.value))}
      />
      <Issue id={`${id}-issue`} issue={issue} />
    </div>
  );
}

/** One value of a list of options. */
export function ChoiceField(props: { path: Path; label: string; options: readonly Option[] }) {
  const { form, id, value, issue, aria } = useField(props.path);
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      <select
        id={id}
        {...aria}
        className="input"
        value={value === undefined ? '' : JSON.stringify(value)}
        onChange={(e) => form.set(props.path, e.target.value === '' ? undefined : JSON.parse(e.target.value))}
      >
        {props.options.map(([json, words]) => (
          <option key={json} value={json}>
            {words}
          </option>
        ))}
      </select>
      <Issue id={`${id}-issue`} issue={issue} />
    </div>
  );
}

/** Yes or no; unset shows the format's default (`def`). */
export function CheckField(props: { path: Path; label: string; def: boolean }) {
  const { form, value } = useField(props.path);
  return (
    <label className="choice">
      <input
        type="checkbox"
        checked={value === undefined ? props.def : value === true}
        onChange={(e) => form.set(props.path, e.target.checked)}
      />
      {props.label}
    </label>
  );
}
