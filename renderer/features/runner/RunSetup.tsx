// What to run and against what: version, which side is under test, the built-in
// simulator/CSMS or a real device, operator prompts, and the cases.
import { useEffect, useState } from 'react';
import type { RunRequest, SystemUnderTest } from '../../../api/conformance';
import { OCPP_VERSIONS, type OcppVersion } from '../../../api/model';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Segmented } from '../../components/Segmented';
import { useStores } from '../../stores/context';
import { useRunner, useSim } from '../../stores/hooks';
import { CasePicker } from './CasePicker';

type Mode = 'simulated' | 'live';

export function RunSetup() {
  const { runner, sim } = useStores();
  const version = useRunner((s) => s.version);
  const sut = useRunner((s) => s.sut);
  const running = useRunner((s) => s.run !== undefined && s.run.finished === undefined);
  const runError = useRunner((s) => s.runError);
  const behaviours = useSim((s) => s.behaviours);
  const [mode, setMode] = useState<Mode>('simulated');
  const [behaviour, setBehaviour] = useState('');
  const [askOperator, setAskOperator] = useState(false);
  const [listen, setListen] = useState('0.0.0.0:9000');
  const [target, setTarget] = useState('ws://');
  const [chargePointId, setChargePointId] = useState('CP-UNDER-TEST');
  const [settingsPath, setSettingsPath] = useState('');
  const [timeScale, setTimeScale] = useState('');
  const [capturePath, setCapturePath] = useState('');
  const [problem, setProblem] = useState<string>();

  useEffect(() => void runner.getState().actions.setScope(version, sut), [runner, version, sut]);
  useEffect(() => void sim.getState().actions.loadBehaviours(version), [sim, version]);

  const setScope = (v: OcppVersion, s: SystemUnderTest) => void runner.getState().actions.setScope(v, s);

  const run = () => {
    const request: Omit<RunRequest, 'version' | 'sut' | 'cases'> = {};
    if (mode === 'simulated') {
      request.simulate = true;
      request.operator = askOperator ? 'prompt' : 'auto';
      if (behaviour !== '') request.behaviour = behaviour;
    } else {
      request.operator = 'prompt';
      request.chargePointId = chargePointId.trim();
      if (sut === 'charger') {
        const match = /^(.+):(\d{1,5})$/.exec(listen.trim());
        if (match === null) return setProblem('Listen as HOST:PORT, e.g. 0.0.0.0:9000.');
        request.listen = { host: match[1]!, port: Number(match[2]) };
      } else {
        if (!/^wss?:\/\/.+/.test(target.trim())) return setProblem('The CSMS address: ws://host:port/path.');
        request.target = target.trim();
      }
      if (settingsPath.trim() !== '') request.settingsPath = settingsPath.trim();
    }
    if (timeScale.trim() !== '') {
      const scale = Number(timeScale);
      if (!(scale > 0)) return setProblem('The time scale is a positive number (0.1: spec timers ten times shorter).');
      request.timeScale = scale;
    }
    if (capturePath.trim() !== '') request.capturePath = capturePath.trim();
    setProblem(undefined);
    void runner.getState().actions.start(request);
  };

  return (
    <div className="run-setup" data-testid="run-setup">
      <div className="form-grid">
        <Field label="OCPP version">
          <select className="input" value={version} onChange={(e) => setScope(e.target.value as OcppVersion, sut)} data-testid="run-version">
            {OCPP_VERSIONS.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </Field>
        <Field label="Under test">
          <Segmented<SystemUnderTest>
            label="System under test"
            value={sut}
            onChange={(s) => setScope(version, s)}
            options={[
              { value: 'charger', label: 'Charger' },
              { value: 'csms', label: 'CSMS' },
            ]}
          />
        </Field>
        <Field label="Against" wide hint={sut === 'charger' ? 'The bench plays the CSMS.' : 'The bench plays the charger.'}>
          <Segmented<Mode>
            label="Against"
            value={mode}
            onChange={setMode}
            options={[
              { value: 'simulated', label: sut === 'charger' ? 'Built-in simulator' : 'Built-in CSMS' },
              { value: 'live', label: sut === 'charger' ? 'A real charger' : 'A real CSMS' },
            ]}
          />
        </Field>
        {mode === 'simulated' ? (
          <>
            {sut === 'charger' && (
              <Field label="Simulator behaviour" wide hint="A faulty behaviour shows what a failing run looks like">
                <select className="input" value={behaviour} onChange={(e) => setBehaviour(e.target.value)} data-testid="run-behaviour">
                  <option value="">Conformant</option>
                  {behaviours?.map((b) => (
                    <option key={b.name} value={b.name} title={b.description}>
                      {b.name} — {b.description}
                    </option>
                  ))}
                </select>
              </Field>
            )}
            <label className="check field-wide">
              <input type="checkbox" checked={askOperator} onChange={(e) => setAskOperator(e.target.checked)} data-testid="run-ask-operator" /> Ask me for operator steps (otherwise the simulator performs them)
            </label>
          </>
        ) : (
          <>
            {sut === 'charger' ? (
              <Field label="Listen (HOST:PORT)" hint="Point the charger here">
                <input className="input" value={listen} onChange={(e) => setListen(e.target.value)} />
              </Field>
            ) : (
              <Field label="CSMS address">
                <input className="input" value={target} onChange={(e) => setTarget(e.target.value)} />
              </Field>
            )}
            <Field label="Charge point id">
              <input className="input" value={chargePointId} onChange={(e) => setChargePointId(e.target.value)} />
            </Field>
            <Field label="SUT settings file" wide hint="Identity, credentials, id tokens, declared profiles (docs/sut-settings.md)">
              <input className="input" value={settingsPath} placeholder="sut.yaml" onChange={(e) => setSettingsPath(e.target.value)} />
            </Field>
          </>
        )}
        <Field label="Time scale" hint="Shortens spec timers (e.g. 0.1)">
          <input className="input" value={timeScale} placeholder="1" onChange={(e) => setTimeScale(e.target.value)} />
        </Field>
        <Field label="Record to capture file">
          <input className="input" value={capturePath} placeholder="optional" onChange={(e) => setCapturePath(e.target.value)} />
        </Field>
      </div>
      <CasePicker />
      <div className="run-actions">
        <Button variant="primary" onClick={run} disabled={running} data-testid="run-start">
          {running ? 'Running…' : 'Run'}
        </Button>
        {running && (
          <Button variant="danger" onClick={() => void runner.getState().actions.cancel()} data-testid="run-cancel">
            Cancel
          </Button>
        )}
        {(problem ?? runError?.message) !== undefined && (
          <span className="form-error" role="alert" data-testid="run-error">
            {problem ?? runError?.message}
          </span>
        )}
      </div>
    </div>
  );
}
