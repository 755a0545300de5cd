// The RPC contract over in-process dispatch: what Electron's ipcMain handler calls.
import { openInProcessBackend } from '../helpers/rpc-backends';
import { defineRpcContractSuite } from './rpc-contract-suite';

defineRpcContractSuite('in-process dispatch (IPC)', openInProcessBackend);
