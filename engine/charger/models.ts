// Picks the behaviour model for an OCPP version.
import type { OcppVersion } from '../../api/model';
import type { ChargerModel, ModelContext, ModelOptions } from './model';
import { ChargePoint16 } from './v16/model';
import { ChargingStation2 } from './v2/model';

export function createModel(version: OcppVersion, ctx: ModelContext, options: ModelOptions): ChargerModel {
  switch (version) {
    case '1.6':
      return new ChargePoint16(ctx, options);
    case '2.0.1':
    case '2.1':
      return new ChargingStation2(ctx, options, version);
  }
}
