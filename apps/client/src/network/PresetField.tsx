import { TOPOLOGY_PRESETS, type TopologyPreset } from "@quorum/shared";
import { useI18n } from "../i18n.tsx";

interface Props {
  /** The select's id; its description is `${id}-hint`. */
  id: string;
  preset: TopologyPreset;
  onChange(preset: TopologyPreset): void;
}

/** N1: the network shape a teacher picks, with a sentence on what the chosen one looks like. */
export function PresetField({ id, preset, onChange }: Props) {
  const { t } = useI18n();
  return (
    <div class="field">
      <label for={id}>{t("host.preset.label")}</label>
      <select
        id={id}
        class="input"
        value={preset}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.currentTarget.value as TopologyPreset)}
      >
        {TOPOLOGY_PRESETS.map((choice) => (
          <option key={choice} value={choice}>
            {t(`preset.${choice}.name`)}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} class="field__hint">
        {t(`preset.${preset}.description`)}
      </p>
    </div>
  );
}
