// This scenario's own policy (RULES.md section P): every key of POLICY_KEYS, each control chosen by
// the kind of value, with the limits of the format and the default in words. Unset keeps the
// default.
import {
  CERT_GRACE_BASES,
  POLICY_KEYS,
  type PolicyKey,
  PORTAL_SCREENSHOT_OPTIONS,
  ROUSAI_WITHOUT_FORM_OPTIONS,
} from '../../../../../shared/enums';
import {
  CERT_GRACE_BASIS_JA,
  POLICY_INFO,
  policyValueJa,
  PORTAL_SCREENSHOT_JA,
  ROUSAI_WITHOUT_FORM_JA,
  YES_NO_JA,
} from '../../../../../shared/labels';
import { DEFAULT_POLICY, LAG_LIMITS } from '../../../../../shared/timeline';
import { ChoiceField, NumberField, type Option, options, TextField } from './fields';

/** The option that leaves the key out: the default, in words. */
const byDefault = (k: PolicyKey): Option => ['', `既定 (${policyValueJa(k, DEFAULT_POLICY[k])})`];

function PolicyField({ k }: { k: PolicyKey }) {
  const path = ['policy', k];
  const label = POLICY_INFO[k].ja;
  switch (k) {
    case 'interimEnd':
      return <TextField path={path} label={label} hint={`既定 ${policyValueJa(k, DEFAULT_POLICY[k])}`} />;
    case 'lagWithMyNumber':
    case 'lagWithoutMyNumber':
      return (
        <NumberField
          path={path}
          label={`${label} (${LAG_LIMITS[k].min}〜${LAG_LIMITS[k].max})`}
          min={LAG_LIMITS[k].min}
          max={LAG_LIMITS[k].max}
          hint={String(DEFAULT_POLICY[k])}
        />
      );
    case 'certGraceBasis':
      return (
        <ChoiceField
          path={path}
          label={label}
          options={[byDefault(k), ...options(CERT_GRACE_BASES, (b) => CERT_GRACE_BASIS_JA[b])]}
        />
      );
    case 'portalScreenshot':
      return (
        <ChoiceField
          path={path}
          label={label}
          options={[byDefault(k), ...options(PORTAL_SCREENSHOT_OPTIONS, (o) => PORTAL_SCREENSHOT_JA[o])]}
        />
      );
    case 'rousaiWithoutForm':
      return (
        <ChoiceField
          path={path}
          label={label}
          options={[byDefault(k), ...options(ROUSAI_WITHOUT_FORM_OPTIONS, (o) => ROUSAI_WITHOUT_FORM_JA[o])]}
        />
      );
    default:
      return (
        <ChoiceField
          path={path}
          label={label}
          options={[byDefault(k), ...options([true, false], (b) => YES_NO_JA[`${b}`])]}
        />
      );
  }
}

export function PolicyFields() {
  return (
    <details className="field-group">
      <summary>この例題だけの方針 (任意)</summary>
      <div className="field-row">
        {POLICY_KEYS.map((k) => (
          <PolicyField key={k} k={k} />
        ))}
      </div>
    </details>
  );
}
