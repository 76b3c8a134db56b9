// Tasklist configuration of the Customer Lifecycle Orchestrator: Camunda's defaults (the keyboard shortcuts) plus our
// plugins.
export default {
  // The product's name in the header.
  app: {
    vendor: 'Customer Lifecycle Orchestrator',
    name: 'Tasklist'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  },
  customScripts: [
    // The Customer tab of every task: where the task's customer or lead stands and what happened so far.
    'scripts/customer-tab.js'
  ]
};
