// The RPC contract over HTTP: `startServer` on a random port with a real temp-file database.
import { openHttpBackend } from '../helpers/rpc-backends';
import { defineRpcContractSuite } from './rpc-contract-suite';

defineRpcContractSuite('HTTP (browser mode)', openHttpBackend);
